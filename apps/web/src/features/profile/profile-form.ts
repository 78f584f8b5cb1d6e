import type { FieldError, ProfileDocument } from '@kaolu/contracts';
import { ApiError } from '@/app/http';

type Doc = ProfileDocument;
type Education = Doc['education'][number];
type Work = Doc['work'][number];
type Abroad = Doc['abroad'][number];
// In the form an open period has an empty end date; the API wants null.
type Period<T> = Omit<T, 'endDate'> & { endDate: string };

/**
 * The profile as the form edits it: optional texts are '' (dropped on save), a permit is a switch.
 * Awards and student-leader roles are kept as loaded and sent back unchanged; attachments are
 * edited as a list of uploaded files (name and note editable, the file itself not).
 */
export type ProfileForm = {
  contact: { email: string; address: string; postalCode: string };
  politicalStatus: Doc['politicalStatus'] | '';
  hukou: { type: Doc['hukou']['type'] | ''; place: string };
  hasPermit: boolean;
  permit: { number: string; issuedOn: string; validUntil: string };
  education: Array<Period<Omit<Education, 'majorCode'>> & { majorCode: string }>;
  work: Array<Period<Work>>;
  abroad: Array<Period<Abroad>>;
  attachments: Doc['attachments'];
  kept: Pick<Doc, 'awards' | 'studentLeader'>;
};

// New entries start with the most common answer (本科 / 学士, full-time), so most candidates only
// fill in school, major and dates.
export const emptyEducation = (): ProfileForm['education'][number] => ({
  level: 'bachelor',
  degree: 'bachelor',
  school: '',
  major: '',
  majorCode: '',
  startDate: '',
  endDate: '',
  fullTime: true,
});
export const emptyWork = (): ProfileForm['work'][number] => ({
  employer: '',
  title: '',
  startDate: '',
  endDate: '',
  grassroots: false,
});
export const emptyAbroad = (): ProfileForm['abroad'][number] => ({
  country: '',
  purpose: 'study',
  startDate: '',
  endDate: '',
});

// A period still running (current school or job) is stored with a null end date.
const withOpenEnd = <T extends { endDate: string | null }>(entry: T) => ({
  ...entry,
  endDate: entry.endDate ?? '',
});

/** The form for a stored document (the API answers it with address and permit number removed). */
export function formOf(stored: unknown): ProfileForm {
  const doc = (stored ?? null) as Partial<Doc> | null;
  return {
    contact: {
      email: doc?.contact?.email ?? '',
      address: '',
      postalCode: doc?.contact?.postalCode ?? '',
    },
    politicalStatus: doc?.politicalStatus ?? '',
    hukou: { type: doc?.hukou?.type ?? '', place: doc?.hukou?.place ?? '' },
    hasPermit: Boolean(doc?.residencePermit),
    permit: {
      number: '',
      issuedOn: doc?.residencePermit?.issuedOn ?? '',
      validUntil: doc?.residencePermit?.validUntil ?? '',
    },
    education: (doc?.education ?? [emptyEducation()]).map((e) => ({
      ...withOpenEnd(e),
      majorCode: e.majorCode ?? '',
    })),
    work: (doc?.work ?? []).map(withOpenEnd),
    abroad: (doc?.abroad ?? []).map(withOpenEnd),
    attachments: (doc?.attachments ?? []).map((a) => ({ ...a })),
    kept: { awards: doc?.awards ?? [], studentLeader: doc?.studentLeader ?? [] },
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
const closeEnd = <T extends { endDate: string }>(entry: T) => ({
  ...entry,
  endDate: entry.endDate === '' ? null : entry.endDate,
});

/**
 * The document to send. Blank optional fields are left out; so are a blank address and permit
 * number, which tells the server to keep the stored (encrypted) ones. Unchosen enums go as given
 * so the server names the field that is missing.
 */
export function documentOf(form: ProfileForm): Doc {
  const permit = form.hasPermit
    ? {
        number: optional(form.permit.number),
        issuedOn: form.permit.issuedOn,
        validUntil: form.permit.validUntil,
      }
    : null;
  return {
    contact: {
      email: optional(form.contact.email),
      address: optional(form.contact.address),
      postalCode: optional(form.contact.postalCode),
    },
    politicalStatus: form.politicalStatus as Doc['politicalStatus'],
    hukou: { type: form.hukou.type as Doc['hukou']['type'], place: form.hukou.place },
    residencePermit: permit,
    education: form.education.map((e) => ({ ...closeEnd(e), majorCode: optional(e.majorCode) })),
    work: form.work.map(closeEnd),
    abroad: form.abroad.map(closeEnd),
    // Size and type are the server's to fill in from the stored file.
    attachments: form.attachments.map((a) => ({ fileId: a.fileId, name: a.name, note: a.note })),
    ...form.kept,
  };
}

/** Field errors of a refused save, keyed by the form path ('education.0.school'), with the label. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.details as { fields?: FieldError[] } | null)?.fields ?? [];
  const errors: Record<string, string> = {};
  for (const f of fields) {
    // The server names paths of the request body ('body.document.education.0.school'); the form
    // keeps the permit as a switch plus fields, so its paths are mapped to those inputs.
    const key = f.field
      .replace(/^body\.(document\.)?/, '')
      .replace(/^residencePermit\./, 'permit.');
    // The first message per field is the one to fix first; later ones usually follow from it.
    errors[key === 'residencePermit' ? 'hasPermit' : key] ??= f.message;
  }
  return errors;
}
