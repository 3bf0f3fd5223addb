import { Injectable, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Environment } from '../config/environment';
import { REPORT_TITLES } from './export-labels';
import { csvSeparator, ExportLanguage, exportLanguage } from './export-language';
import { Named } from './localized-name';
import { orgNames } from './org-names';
import { toCsv, toXlsx } from './report-export';
import { KEY_COLUMNS, RECEPTION_COLUMNS, RESOLUTION_COLUMNS } from './report-columns';
import { ReceptionReportQuery, ResolutionReportQuery } from './report-query.dto';
import { ReportScope } from './report-scope';
import { KeyedRow, reportTable, ReportSections, Section, TableSpec } from './report-table';
import { comparisonHeading, TitleFacts, titleBlock } from './report-title';
import { ReceptionReportView } from './receptions-report.dto';
import { ResolutionReportView } from './resolution-report.dto';

type Report = { kind: 'resolution'; query: ResolutionReportQuery; view: ResolutionReportView } | { kind: 'receptions'; query: ReceptionReportQuery; view: ReceptionReportView };

/**
 * Answers a report as JSON, or as a CSV / XLSX attachment `<report>-<from>_<to>.csv|xlsx` in the
 * language of `lang` (else Accept-Language, else ru) with a title block naming what it shows.
 */
@Injectable()
export class ReportExports {
  constructor(
    private readonly ds: DataSource,
    private readonly env: Environment,
    private readonly scope: ReportScope,
  ) {}

  async send<R extends Report>(req: Request, res: Response, principal: Principal, report: R): Promise<R['view'] | StreamableFile> {
    const { query } = report;
    if (query.format === 'json') return report.view;
    const lang = exportLanguage(query.lang, req);
    const table = reportTable(await this.withOrgNames(report.view), await this.spec(principal, report, lang), lang);
    const file = query.format === 'csv' ? toCsv(table, csvSeparator(query.sep, lang)) : await toXlsx(table);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Content-Language', lang);
    return new StreamableFile(file.body);
  }

  private async spec(principal: Principal, report: Report, lang: ExportLanguage): Promise<TableSpec> {
    const { query, view } = report;
    const facts: TitleFacts = {
      report: report.kind,
      window: { from: view.from, to: view.to },
      branch: await this.branch(principal, query.branchId),
      groupBy: query.groupBy,
      compareYears: query.compareYears,
      generatedAt: DateTime.now().setZone(this.env.APP_TIMEZONE).toFormat('yyyy-MM-dd HH:mm'),
      zone: this.env.APP_TIMEZONE,
    };
    if (report.kind === 'resolution') {
      const q = report.query;
      facts.interval = q.interval;
      facts.filters = { channels: q.channel, type: q.type, category: q.categoryId ? await this.category(q.categoryId) : undefined };
    }
    return {
      name: `${report.kind}-${view.from}_${view.to}`,
      sheetName: REPORT_TITLES[report.kind][lang],
      title: titleBlock(facts, lang),
      keys: KEY_COLUMNS[query.groupBy],
      withPeriod: report.kind === 'resolution' && report.query.interval !== 'none',
      figures: report.kind === 'resolution' ? RESOLUTION_COLUMNS : RECEPTION_COLUMNS,
      comparisonHeading: (w) => comparisonHeading(w, lang),
    };
  }

  /** The branch reported on, resolved as the report resolves it (default branch, scope), with its names. */
  private async branch(principal: Principal, branchId: string | undefined): Promise<TitleFacts['branch']> {
    const root = await this.scope.root(principal, branchId);
    return root && { code: root.code, name: root.name, names: (await orgNames(this.ds, 'branches', [root.id])).get(root.id) };
  }

  /** The report with the names of every branch and agency in its keys, in every language, for localizedName. */
  private async withOrgNames(view: ReportSections): Promise<ReportSections> {
    const sections = [view, ...view.comparisons];
    const ids = (field: string) => [...new Set(sections.flatMap((s) => s.rows.map((r) => r.key[field]).filter((id): id is string => typeof id === 'string')))];
    const branches = await orgNames(this.ds, 'branches', ids('branchId'));
    const agencies = await orgNames(this.ds, 'agencies', ids('agencyId'));
    const named = (row: KeyedRow): KeyedRow => {
      const names = branches.get(row.key.branchId as string) ?? agencies.get(row.key.agencyId as string);
      return names ? { ...row, key: { ...row.key, names } } : row;
    };
    const section = <S extends Section<KeyedRow>>(s: S): S => ({ ...s, rows: s.rows.map(named) });
    return { ...section(view), comparisons: view.comparisons.map(section) };
  }

  private async category(id: string): Promise<Named> {
    const [row] = await this.ds.query(`SELECT name_ru AS name, json_build_object('kk', name_kk, 'ru', name_ru, 'en', name_en) AS names FROM categories WHERE id = $1`, [id]);
    return row;
  }
}
