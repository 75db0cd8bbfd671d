// A missing field with no default leaves no braces, stray punctuation or doubled spaces behind.
import fc from 'fast-check';
import { renderSubject, renderTemplate, type TemplateFields } from './render.js';
import { TEMPLATE_FIELDS } from './template-fields.js';

/** Given a template and the lead's fields, when it is rendered, then this text. */
const given = (template: string, fields: TemplateFields = {}, options: Parameters<typeof renderTemplate>[2] = {}) => ({
  rendersAs: (expected: string) => expect(renderTemplate(template, fields, options)).toBe(expected),
});

describe('given a lead without a first name, and no default', () => {
  it.each([
    ['{{first_name}}, acceso VIP', 'Acceso VIP'],
    ['{{first_name}}, seguimiento VIP', 'Seguimiento VIP'],
    ['Hola {{first_name}},', 'Hola,'],
    ['Hola {{first_name}}, ¿qué tal?', 'Hola, ¿qué tal?'],
    ['Hola {{first_name}}', 'Hola'],
    ['Hola {{first_name}}!', 'Hola!'],
    ['¡Hola {{first_name}}!', '¡Hola!'],
    ['Hola {{first_name}} amigo', 'Hola amigo'],
    ['{{first_name}} acceso VIP', 'Acceso VIP'],
    ['{{first_name}}', ''],
    ['Gracias. {{first_name}}, mira esto', 'Gracias. Mira esto'],
    ['¿{{first_name}}, qué tal?', '¿Qué tal?'],
    ['Hola, {{first_name}}, ¿qué tal?', 'Hola, ¿qué tal?'],
    ['Gracias, {{first_name}}.', 'Gracias.'],
    ['Gracias, {{first_name}}', 'Gracias'],
    ['Hola ({{first_name}}, te escribo)', 'Hola (te escribo)'],
  ])('%j renders as %j', (template, expected) => given(template).rendersAs(expected));

  it('keeps the line structure of a body', () => {
    given('Hola {{first_name}},\n\nTe escribo por...\n\nSaludos').rendersAs('Hola,\n\nTe escribo por...\n\nSaludos');
    given('Resumen:\n{{first_name}}, esto es para ti.\nAdiós').rendersAs('Resumen:\nEsto es para ti.\nAdiós');
  });

  it('closes up several missing fields in a row', () => {
    given('{{first_name}} {{last_name}}, acceso VIP').rendersAs('Acceso VIP');
    given('Hola {{first_name}} {{last_name}}, ¿qué tal?').rendersAs('Hola, ¿qué tal?');
    given('Hola {{first_name}}{{last_name}} de {{company}}.').rendersAs('Hola de.');
  });

  it('leaves the author\'s own text alone away from the gap', () => {
    given('Precio:  10 €  ({{company}})', {}).rendersAs('Precio:  10 €  ()');
    given('a , b {{first_name}}', {}).rendersAs('a , b');
  });

  it('closes up in an HTML body too, and at the start of a paragraph', () => {
    given('<p>Hola {{first_name}},</p><p>{{first_name}}, mira esto</p>', {}, { html: true }).rendersAs('<p>Hola,</p><p>Mira esto</p>');
  });

  it('gives a clean subject', () => {
    expect(renderSubject('{{first_name}}, acceso VIP', {})).toBe('Acceso VIP');
    expect(renderSubject('{{first_name}}, acceso VIP', { first_name: '  ' })).toBe('Acceso VIP');
    expect(renderSubject('{{first_name}}, acceso VIP', { first_name: 'Ana' })).toBe('Ana, acceso VIP');
  });
});

describe('given a default', () => {
  it('a per-placeholder default fills the field, in the subject and the body', () => {
    expect(renderSubject('{{first_name|amigo}}, acceso VIP', {})).toBe('amigo, acceso VIP');
    given('Hola {{ first_name | amigo }}, ¿qué tal?').rendersAs('Hola amigo, ¿qué tal?');
    given('Hola {{first_name|amigo}}', { first_name: 'Ana' }).rendersAs('Hola Ana');
  });

  it('a per-placeholder default is escaped in an HTML body like any value', () => {
    given('<p>Hola {{first_name|Tom & "Jerry"}}</p>', {}, { html: true }).rendersAs('<p>Hola Tom &amp; &quot;Jerry&quot;</p>');
  });

  it('the template-wide default fills a field that has no default of its own', () => {
    const options = { defaultFallback: 'cliente' };
    given('Hola {{first_name}}, de {{company|tu empresa}}', {}, options).rendersAs('Hola cliente, de tu empresa');
    expect(renderSubject('{{first_name}}, acceso VIP', {}, options)).toBe('cliente, acceso VIP');
    given('<b>{{first_name}}</b>', {}, { html: true, defaultFallback: '<tú>' }).rendersAs('<b>&lt;tú&gt;</b>');
  });
});

describe('property: whatever fields are missing, the text stays clean', () => {
  const word = fc.constantFrom('hola', 'acceso', 'VIP', 'qué', 'tal', 'Ana', 'equipo', 'ñu');
  const token = fc.record({
    text: fc.oneof(word, fc.constantFrom(...TEMPLATE_FIELDS).map((f) => `{{${f}}}`)),
    punct: fc.constantFrom('', '', '', ',', '.', ';', ':', '!', '?'),
  });
  // Templates that are clean when every field is present: single spaces, punctuation after a word.
  const template = fc.array(token, { minLength: 1, maxLength: 12 }).map((ts) => ts.map((t) => t.text + t.punct).join(' '));
  const fields = fc.dictionary(fc.constantFrom(...TEMPLATE_FIELDS), fc.oneof(word, fc.constant(null), fc.constant('')));

  it('has no braces, no doubled spaces, no leading punctuation, no space before punctuation', () => {
    fc.assert(
      fc.property(template, fields, fc.boolean(), (source, values, html) => {
        const out = renderTemplate(source, values, { html });
        expect(out).not.toMatch(/\{\{|\}\}/);
        expect(out).not.toMatch(/ {2}/);
        expect(out).not.toMatch(/^[\s,.;:!?]/);
        expect(out).not.toMatch(/\s$/);
        expect(out).not.toMatch(/ [,.;:!?]/);
        expect(renderSubject(source, values)).toBe(renderTemplate(source, values));
      }),
      { numRuns: 500 },
    );
  });
});

describe('property: with every field present, rendering is plain substitution', () => {
  it('touches none of the author\'s text', () => {
    const text = fc.string({ maxLength: 8 }).filter((t) => !t.includes('{') && !t.includes('}'));
    const parts = fc.array(fc.tuple(text, fc.constantFrom(...TEMPLATE_FIELDS)), { maxLength: 6 });
    fc.assert(
      fc.property(parts, text, fc.constantFrom('Ana', 'x', 'José Ñ'), (pairs, tail, value) => {
        const source = pairs.map(([t, f]) => `${t}{{${f}}}`).join('') + tail;
        const values = Object.fromEntries(TEMPLATE_FIELDS.map((f) => [f, value]));
        expect(renderTemplate(source, values)).toBe(pairs.map(([t]) => t + value).join('') + tail);
      }),
    );
  });
});
