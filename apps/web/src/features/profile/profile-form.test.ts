import { describe, expect, it } from 'vitest';
import { ApiError } from '@/app/api-error';
import { documentOf, fieldErrorsOf, formOf } from './profile-form';

describe('profile form', () => {
  it('opens an empty profile with one blank education entry to fill', () => {
    const form = formOf(null);
    expect(form.education).toHaveLength(1);
    expect(form.hasPermit).toBe(false);
    expect(form.work).toEqual([]);
  });

  it('sends a blank address and permit number as absent, so the server keeps the stored encrypted ones', () => {
    const form = formOf({
      contact: { email: 'a@b.cn' },
      residencePermit: { issuedOn: '2020-01-01', validUntil: '2030-01-01' },
    });
    expect(form.contact.address).toBe('');
    const doc = documentOf(form);
    expect(doc.contact.address).toBeUndefined();
    expect(doc.contact.email).toBe('a@b.cn');
    expect(doc.residencePermit).toEqual({
      number: undefined,
      issuedOn: '2020-01-01',
      validUntil: '2030-01-01',
    });
  });

  it('sends no permit when the candidate says there is none, and an open period end as null', () => {
    const form = formOf(null);
    form.hasPermit = false;
    form.work.push({
      employer: 'E',
      title: 'T',
      startDate: '2020-01-01',
      endDate: '',
      grassroots: false,
    });
    const doc = documentOf(form);
    expect(doc.residencePermit).toBeNull();
    expect(doc.work[0]!.endDate).toBeNull();
  });

  it('keys server field errors by form path, the permit under permit.* and the first message per field', () => {
    const error = new ApiError('VALIDATION.FAILED', '数据有误', 400, {
      fields: [
        { field: 'body.document.education.0.school', message: '请填写毕业院校' },
        { field: 'body.document.education.0.school', message: '第二条' },
        { field: 'body.document.residencePermit.validUntil', message: '居住证已过期' },
        { field: 'body.document.residencePermit', message: '上海户籍考生无需填写居住证' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({
      'education.0.school': '请填写毕业院校',
      'permit.validUntil': '居住证已过期',
      hasPermit: '上海户籍考生无需填写居住证',
    });
  });

  it('answers no field errors for anything but an ApiError', () => {
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});
