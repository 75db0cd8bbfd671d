// The template every cold lead gets when no analyst template matches (`get_or_create` by name).
import type { TemplateInput } from './template.js';

export const DEFAULT_TEMPLATE_NAME = 'default_cold_lead_nurturing';

/** The row inserted into `nurturing_sequence_templates`; `delay_days` counts from the previous send. */
export const DEFAULT_TEMPLATE: Readonly<TemplateInput> = {
  name: DEFAULT_TEMPLATE_NAME,
  description: 'Default nurturing sequence for cold leads: three emails over ten days',
  priority_filter: null,
  min_score: 0,
  max_score: 100,
  total_steps: 3,
  enabled: true,
  steps_config: [
    {
      step: 1,
      delay_days: 0,
      subject_template: '{{first_name|Hi}}, a quick idea for you',
      body_template:
        'Hi {{first_name|there}},\n\n' +
        'Thanks for your interest in what we do. Teams like yours use us to take repetitive work off their plate ' +
        'and focus on what moves the needle.\n\n' +
        'Would a short overview be useful? Just reply to this email and I will send it over.\n\n' +
        'Best regards',
    },
    {
      step: 2,
      delay_days: 3,
      subject_template: '{{first_name|Hi}}, how similar teams got started',
      body_template:
        'Hi {{first_name|there}},\n\n' +
        'Following up on my last note: most teams we work with see their first results within a few weeks, ' +
        'starting with one small, well-defined use case.\n\n' +
        'If that sounds relevant, reply with a time that suits you and we can talk for 15 minutes.\n\n' +
        'Best regards',
    },
    {
      step: 3,
      delay_days: 7,
      subject_template: '{{first_name|Hi}}, one last note',
      body_template:
        'Hi {{first_name|there}},\n\n' +
        'I do not want to crowd your inbox, so this is my last email for now. ' +
        'If the timing is not right, no problem at all.\n\n' +
        'Whenever you would like to talk, just reply to this email.\n\n' +
        'All the best',
    },
  ],
};
