import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.js';
import { LEAD_STREAM_INDEX, type LeadStreamIndex } from '../../ports/lead-stream-index.js';
import { requireInstant, requireNonEmpty } from '../../queries/shared/input-checks.js';
import { READ_MODEL_SYNC, type ReadModelSync } from '../../queries/read-side/read-model-sync.port.js';
import { StartSequenceCommand } from '../../sequences/start-sequence/start-sequence.command.js';
import { TEMPLATE_CATALOG, type TemplateCatalog } from '../../ports/template-catalog.js';
import { EnrollLeadCommand, type EnrollmentResult } from './enroll-lead.command.js';
import { LEAD_SOURCE, type LeadSource } from '../../ports/lead-source.js';
import { KeyedMutex } from './keyed-mutex.js';
import { requireNotEnrolled } from './require-not-enrolled.js';
import { resolveTemplate } from './resolve-template.js';

@CommandHandler(EnrollLeadCommand)
export class EnrollLeadHandler implements ICommandHandler<EnrollLeadCommand> {
  // Two enrollments of one lead in this process cannot both pass the "not enrolled" check.
  private readonly perLead = new KeyedMutex();

  constructor(
    private readonly commands: CommandBus,
    @Inject(LEAD_SOURCE) private readonly leads: Pick<LeadSource, 'findLead'>,
    @Inject(TEMPLATE_CATALOG) private readonly templates: TemplateCatalog,
    @Inject(LEAD_STREAM_INDEX) private readonly index: LeadStreamIndex,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
  ) {}

  async execute(c: EnrollLeadCommand): Promise<EnrollmentResult> {
    const leadExtId = requireNonEmpty(c.leadExtId, 'lead_ext_id');
    const now = c.now === undefined ? new Date().toISOString() : requireInstant(c.now, 'now');
    if (c.template.name !== undefined) requireNonEmpty(c.template.name, 'template_name');
    return this.perLead.run(leadExtId, async () => {
      await this.sync.catchUp(); // the suppression list is projected from the log
      const lead = await this.leads.findLead(leadExtId);
      if (lead === null) throw new NotFoundError(`lead_ext_id: no lead ${JSON.stringify(leadExtId)} in leads`);
      const email = lead.email?.trim() ?? '';
      if (email === '') throw new ValidationError('lead_ext_id', `lead ${JSON.stringify(leadExtId)} has no email address`);
      if (lead.suppressed) throw new InvalidStateError(`lead ${JSON.stringify(leadExtId)}: ${email} is on the suppression list`);
      await requireNotEnrolled(leadExtId, this.index, this.store);
      const template = await resolveTemplate(this.templates, c.template, lead);
      const result = await this.commands.execute(
        new StartSequenceCommand(
          { extId: lead.extId, email, firstName: lead.firstName, score: lead.score, fields: lead.fields },
          { id: template.id, name: template.name, steps: template.steps, declaredTotalSteps: template.declaredTotalSteps ?? template.totalSteps, defaultFallback: template.defaultFallback, stopOnReply: template.stopOnReply },
          now,
          c.metadata,
        ),
      );
      return { sequenceId: result.sequenceId, revision: result.revision, template: { id: template.id!, name: template.name } };
    });
  }
}
