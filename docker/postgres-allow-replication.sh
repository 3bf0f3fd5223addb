#!/bin/sh
# Allows streaming replication from the compose network (the scale profile's postgres-replica).
set -e
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
