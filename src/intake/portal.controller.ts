import { Body, Controller, Get, Headers, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../common/auth/auth.decorators';
import { AppError } from '../common/errors/app-error';
import { PortalAppealInput } from './appeal-input.dto';
import { PortalIntake } from './portal-intake.service';
import { PortalReceipt, PortalStatusParams, PortalStatusQuery, PortalStatusView } from './portal.dto';

@ApiTags('portal')
@Controller('portal/appeals')
@Public()
@UseGuards(ThrottlerGuard)
export class PortalController {
  constructor(private readonly portal: PortalIntake) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat the same key and body to get the same answer' })
  submit(@Body() body: PortalAppealInput, @Headers('idempotency-key') idempotencyKey?: string): Promise<PortalReceipt> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw AppError.validation('Idempotency-Key', 'must be 1 to 200 printable ASCII characters');
    }
    return this.portal.submit(body, idempotencyKey);
  }

  @Get(':number')
  status(@Param() params: PortalStatusParams, @Query() query: PortalStatusQuery): Promise<PortalStatusView> {
    return this.portal.status(params.number, query.trackingCode);
  }
}
