// The email of a step, rendered from the sequence's own snapshot of its template.
import { started } from '../../domain/sequence/fixtures.js';
import { replay } from '../../domain/sequence/state.js';
import { composeEmail } from './compose-email.js';

const FROM = 'marketing@example.com';
const vipStep = [{ step: 1, delayDays: 0, subjectTemplate: '{{first_name}}, acceso VIP', bodyTemplate: 'Hola {{first_name}}, ¿qué tal?' }];

describe('composeEmail', () => {
  it('given a lead without a first name and no default, renders a clean subject and body', () => {
    const state = replay([started({ firstName: null, leadFields: { first_name: null }, steps: vipStep, declaredTotalSteps: 1 })]);
    expect(composeEmail(state, 1, FROM)).toMatchObject({ subject: 'Acceso VIP', text: 'Hola, ¿qué tal?' });
  });

  it('given the template default snapshotted at start, uses it for a missing field', () => {
    const state = replay([started({ firstName: null, leadFields: {}, steps: vipStep, declaredTotalSteps: 1, defaultFallback: 'amigo' })]);
    expect(composeEmail(state, 1, FROM)).toMatchObject({ subject: 'amigo, acceso VIP', text: 'Hola amigo, ¿qué tal?' });
  });

  it('given an HTML body, escapes values and defaults, and derives the text part', () => {
    const steps = [{ step: 1, delayDays: 0, subjectTemplate: 'Para {{company|ti}}', bodyTemplate: '<p>Hola {{first_name|Tom & Jerry}} de <b>{{company}}</b></p>' }];
    const state = replay([started({ firstName: null, leadFields: { company: '<Acme>' }, steps, declaredTotalSteps: 1 })]);
    expect(composeEmail(state, 1, FROM)).toMatchObject({
      subject: 'Para <Acme>',
      html: '<p>Hola Tom &amp; Jerry de <b>&lt;Acme&gt;</b></p>',
      text: 'Hola Tom & Jerry de <Acme>',
    });
  });

  it('renders only the known lead fields, whatever an older snapshot holds', () => {
    const steps = [{ step: 1, delayDays: 0, subjectTemplate: 'Hola {{first_name}} {{internal_notes}}', bodyTemplate: '' }];
    const state = replay([started({ leadFields: { first_name: 'Ana', internal_notes: 'secret' }, steps, declaredTotalSteps: 1 })]);
    expect(composeEmail(state, 1, FROM).subject).toBe('Hola Ana');
  });
});
