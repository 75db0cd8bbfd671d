import { ValidationError } from '../shared/errors.js';
import { renderSubject, renderTemplate } from './render.js';

describe('renderTemplate', () => {
  it('substitutes fields, with or without spaces in the braces', () => {
    expect(renderTemplate('Hi {{first_name}} from {{ company }}!', { first_name: 'Ana', company: 'Acme' })).toBe('Hi Ana from Acme!');
    expect(renderTemplate('Score: {{score}}', { score: 42 })).toBe('Score: 42');
    expect(renderTemplate('{{a}}{{a}}', { a: 'x' })).toBe('xx');
  });

  it('leaves a template without placeholders alone', () => {
    expect(renderTemplate('', {})).toBe('');
    expect(renderTemplate('a { b } c', {})).toBe('a { b } c');
  });

  it('renders missing, null or blank fields with the inline fallback first', () => {
    const options = { fallbacks: { first_name: 'friend' }, defaultFallback: '?' };
    expect(renderTemplate('Hi {{first_name|there}}', {}, options)).toBe('Hi there');
    expect(renderTemplate('Hi {{ first_name | my friend }}', { first_name: null }, options)).toBe('Hi my friend');
    expect(renderTemplate('Hi {{first_name|there}}', { first_name: '   ' }, options)).toBe('Hi there');
    expect(renderTemplate('Hi {{first_name|}}!', {}, options)).toBe('Hi!');
  });

  it('then the configured fallback, then the default one, never the braces', () => {
    expect(renderTemplate('Hi {{first_name}}', {}, { fallbacks: { first_name: 'friend' }, defaultFallback: '?' })).toBe('Hi friend');
    expect(renderTemplate('Hi {{first_name}}', { first_name: undefined }, { defaultFallback: 'you' })).toBe('Hi you');
    expect(renderTemplate('Hi {{first_name}}.', {})).toBe('Hi.');
    expect(renderTemplate('{{nan}}', { nan: Number.NaN }, { defaultFallback: '-' })).toBe('-');
  });

  it('never takes a field from the prototype', () => {
    expect(renderTemplate('[{{constructor}}][{{toString}}]', {}, { fallbacks: {} })).toBe('[][]');
  });

  it('keeps unicode as it is', () => {
    expect(renderTemplate('Hola {{first_name}} 👋', { first_name: 'José Ñúñez 李' })).toBe('Hola José Ñúñez 李 👋');
  });

  it('escapes substituted values in HTML, not the template markup', () => {
    const html = renderTemplate('<p>Hi <b>{{first_name}}</b></p>', { first_name: `<script>alert("x")</script> & 'co'` }, { html: true });
    expect(html).toBe('<p>Hi <b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</b></p>');
  });

  it('does not escape in text mode, and does not re-expand braces in values', () => {
    expect(renderTemplate('Hi {{first_name}}', { first_name: '<script>' })).toBe('Hi <script>');
    expect(renderTemplate('Hi {{first_name}}', { first_name: '{{company}}' })).toBe('Hi {{company}}');
  });

  it('refuses a malformed template rather than leak braces', () => {
    expect(() => renderTemplate('Hi {{first_name', {})).toThrow(ValidationError);
    expect(() => renderTemplate('Hi {{}}', {})).toThrow(ValidationError);
  });
});

describe('renderSubject', () => {
  it('collapses line breaks so no header can be injected', () => {
    const subject = renderSubject('{{first_name}}, hello', { first_name: 'Ana\r\nBcc: victim@example.com' });
    expect(subject).toBe('Ana Bcc: victim@example.com, hello');
    expect(renderSubject('a\n\n b\r c', {})).toBe('a b c');
  });

  it('never escapes HTML', () => {
    expect(renderSubject('{{first_name|there}} & co', { first_name: 'A<b>' }, { html: true })).toBe('A<b> & co');
  });
});
