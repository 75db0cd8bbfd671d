// Renders the email of a sequence's step into the specification's webhook payload.
import type { SequenceState } from '../../domain/sequence/state.js';
import { renderSubject, renderTemplate } from '../../domain/templates/render.js';
import { pickTemplateFields } from '../../domain/templates/template-fields.js';
import type { OutgoingEmail } from '../ports/email-sender.js';
import type { UnsubscribeLinks } from '../ports/unsubscribe-links.js';

const LOOKS_LIKE_HTML = /<\/?[a-z][^>]*>/i;

export function composeEmail(state: SequenceState, step: number, from: string, links?: UnsubscribeLinks): OutgoingEmail {
  const snapshot = state.steps[step - 1];
  if (!snapshot) throw new Error(`sequence ${state.sequenceId} has no step ${step}`);
  const fields = pickTemplateFields({ ...state.leadFields, first_name: state.firstName, email: state.email, lead_ext_id: state.leadExtId });
  // The sequence's snapshot of its template's default, not today's template: a later edit changes nothing here.
  const options = state.defaultFallback === null ? {} : { defaultFallback: state.defaultFallback };
  const email: OutgoingEmail = {
    from,
    to: state.email!,
    subject: renderSubject(snapshot.subjectTemplate, fields, options),
    text: renderTemplate(snapshot.bodyTemplate, fields, options),
    metadata: {
      sequence_id: state.sequenceId!,
      lead_ext_id: state.leadExtId!,
      step_number: step,
      sequence_name: state.templateName!,
    },
  };
  if (links) email.headers = links.headersFor(state.sequenceId!);
  if (LOOKS_LIKE_HTML.test(snapshot.bodyTemplate)) {
    email.html = renderTemplate(snapshot.bodyTemplate, fields, { ...options, html: true });
    email.text = email.html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  }
  return email;
}
