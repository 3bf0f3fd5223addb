import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/auth.decorators';
import { AppError } from '../common/errors/app-error';
import { PortalAppealInput } from './appeal-input.dto';
import { SubmitClarification } from './portal-clarification.use-case';
import { SubmitFeedback } from './portal-feedback.use-case';
import { PortalIntake } from './portal-intake.service';
import { PortalRateLimit } from './portal-rate-limit';
import { matchesEtag, PortalReference } from './portal-reference';
import { PortalStatus } from './portal-status';
import {
  PortalClarificationInput,
  PortalClarificationReceipt,
  PortalFeedbackInput,
  PortalFeedbackReceipt,
  PortalReceipt,
  PortalReferenceView,
  PortalStatusParams,
  PortalStatusQuery,
  PortalStatusView,
} from './portal.dto';

/** The reference data may be a few minutes old in a browser; the ETag makes a re-check cheap. */
const REFERENCE_CACHE_CONTROL = 'public, max-age=300, must-revalidate';

@ApiTags('portal')
@Controller('portal')
@Public()
@UseInterceptors(PortalRateLimit)
export class PortalController {
  constructor(
    private readonly portal: PortalIntake,
    private readonly statusPage: PortalStatus,
    private readonly reference: PortalReference,
    private readonly clarification: SubmitClarification,
    private readonly feedback: SubmitFeedback,
  ) {}

  @Get('reference')
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a copy held: 304 while it is current' })
  @ApiOkResponse({ type: PortalReferenceView, headers: { ETag: { description: 'Entity tag of this answer', schema: { type: 'string' } }, 'Cache-Control': { description: 'How long a copy may be used', schema: { type: 'string' } } } })
  @ApiNotModifiedResponse({ description: 'The copy named by If-None-Match is current' })
  async referenceData(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PortalReferenceView | undefined> {
    const { body, etag } = await this.reference.get();
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', REFERENCE_CACHE_CONTROL);
    if (matchesEtag(ifNoneMatch, etag)) {
      res.status(304);
      return undefined;
    }
    return body;
  }

  @Post('appeals')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat the same key and body to get the same answer' })
  submit(@Body() body: PortalAppealInput, @Headers('idempotency-key') idempotencyKey?: string): Promise<PortalReceipt> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw AppError.validation('Idempotency-Key', 'must be 1 to 200 printable ASCII characters');
    }
    return this.portal.submit(body, idempotencyKey);
  }

  @Get('appeals/:number')
  status(@Param() params: PortalStatusParams, @Query() query: PortalStatusQuery): Promise<PortalStatusView> {
    return this.statusPage.get(params.number, query.trackingCode);
  }

  /** While the case is paused: the citizen's answer to the agency's request. */
  @Post('appeals/:number/clarification')
  @HttpCode(201)
  clarify(@Param() params: PortalStatusParams, @Query() query: PortalStatusQuery, @Body() body: PortalClarificationInput): Promise<PortalClarificationReceipt> {
    return this.clarification.execute(params.number, query.trackingCode, body);
  }

  /** Once the case is answered or closed: was the citizen satisfied (once per case). */
  @Post('appeals/:number/feedback')
  @HttpCode(201)
  rate(@Param() params: PortalStatusParams, @Query() query: PortalStatusQuery, @Body() body: PortalFeedbackInput): Promise<PortalFeedbackReceipt> {
    return this.feedback.execute(params.number, query.trackingCode, body);
  }
}
