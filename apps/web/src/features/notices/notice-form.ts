import type { NoticeKind } from '@kaolu/contracts';

/** The notice dialog's fields; candidate ids are typed as free text, one or more per line. */
export type NoticeForm = {
  kind: NoticeKind;
  title: string;
  body: string;
  candidateIds: string;
  changeNote: string;
};

/** A blank form for a new notice (公告 by default). */
export function emptyNoticeForm(): NoticeForm {
  return { kind: 'announcement', title: '', body: '', candidateIds: '', changeNote: '' };
}

/**
 * The candidate ids typed in the dialog: staff paste them from Excel or a message, so spaces, new
 * lines and ASCII or full-width commas (，) all separate ids, and empty pieces are dropped (REG-03/04:
 * the named candidates are texted when the published notice changes).
 */
export function parseCandidateIds(text: string): string[] {
  return text.split(/[\s,，]+/).filter(Boolean);
}

/** The PUT body of a change: a blank change note is left out rather than sent empty. */
export function noticeUpdateBody(form: NoticeForm) {
  return {
    title: form.title,
    body: form.body,
    candidateIds: parseCandidateIds(form.candidateIds),
    changeNote: form.changeNote || undefined,
  };
}

/** The POST body of a new notice (a draft, published separately). */
export function noticeCreateBody(form: NoticeForm) {
  return {
    kind: form.kind,
    title: form.title,
    body: form.body,
    candidateIds: parseCandidateIds(form.candidateIds),
  };
}
