// Forms: sent with their button held down, refused in words at their foot with each named field marked.
import { html } from '/feiyan/ui.js';
import { problem } from './api.js';
import { t } from './session.js';

/** Where a form says why it was refused. */
export const formError = () => html`<p class="form-error" role="alert" hidden></p>`;

/** Shows why a form was refused: the words at its foot, each named field marked. What was typed stays. */
export function refuse(form, result) {
  form.querySelectorAll('[aria-invalid]').forEach(field => field.removeAttribute('aria-invalid'));
  const fields = result.body && Array.isArray(result.body.errors) ? result.body.errors.map(e => e.field)
    : result.body && result.body.field ? [result.body.field] : [];
  fields.forEach(name => form.querySelector(`[name="${CSS.escape(name)}"]`)?.setAttribute('aria-invalid', 'true'));
  const alert = form.querySelector('.form-error');
  alert.textContent = problem(result);
  alert.hidden = false;
}

/** Sends a form's request with its button held down meanwhile; the answer, or refused words on the form. */
export async function submit(form, send) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const result = await send();
    if (!result.ok) refuse(form, result);
    return result;
  } finally {
    button.disabled = false;
  }
}

/**
 * A folded form that asks why — a reason's code, and words — and is sent by its button: cancelling an order, declining
 * one. Its id names its action too; the fields are named as the service names them.
 */
export const whyForm = (action, [code, codeLabel, codes], [words, wordsLabel]) => html`<details>
  <summary class="button wide">${t(action)}</summary><form id="${action}">
  <label for="${action}-${code}">${t(codeLabel)}</label><select id="${action}-${code}" name="${code}">
  ${codes.map(c => html`<option value="${c}">${t(c)}</option>`)}</select>
  <label for="${action}-${words}">${t(wordsLabel)}</label><input id="${action}-${words}" name="${words}" maxlength="500">
  ${formError()}<button type="submit" class="wide">${t(action)}</button></form></details>`;
