import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnmaskedPersonalData } from '../../platform/masking';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCandidate, jpegOf, multipartOf, profileDocument } from './registration.test-support';

describe('profile 一户一档', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('explains every invalid field in Chinese and saves nothing', async () => {
    const { headers } = await createCandidate(t.app);
    const bad = { ...profileDocument(), contact: { email: 'not-an-email' }, education: [] };
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers,
      payload: { document: bad, version: 0 },
    });
    expect(res.statusCode).toBe(400);
    const text = JSON.stringify(res.json().error.details);
    expect(text).toContain('电子邮箱格式不正确');
    expect(text).toContain('请至少填写一段学历');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/candidate/profile', headers })).json()
        .version,
    ).toBe(0);
  });

  it('keeps versions, refuses a stale one and never answers the address or ID number in clear', async () => {
    const { headers } = await createCandidate(t.app);
    const first = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers,
      payload: { document: profileDocument(), version: 0 },
    });
    expect(first.json()).toMatchObject({ version: 1, addressMasked: '上海市徐汇区****' });
    expect(findUnmaskedPersonalData(first.json())).toEqual([]);
    expect(first.body).not.toContain('漕溪北路');
    // Address omitted on the next save: the stored ciphertext is kept.
    const { address: _omit, ...contact } = profileDocument().contact;
    const second = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers,
      payload: { document: { ...profileDocument(), contact }, version: 1 },
    });
    expect(second.json()).toMatchObject({ version: 2, addressMasked: '上海市徐汇区****' });
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers,
      payload: { document: profileDocument(), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('PROFILE.VERSION_CONFLICT');
  });

  it('checks the photo against the policy, and fixes it once confirmed', async () => {
    const { headers } = await createCandidate(t.app);
    const upload = (bytes: Buffer) => {
      const body = multipartOf(bytes);
      return t.app.inject({
        method: 'POST',
        url: '/api/candidate/profile/photo',
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
    };
    const tooWide = await upload(jpegOf(300, 160));
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().error.message).toContain('照片宽度须在 75–150 像素之间，当前为 300');
    const tooBig = await upload(jpegOf(120, 160, 60 * 1024));
    expect(tooBig.json().error.message).toContain('照片不能超过 50KB');
    expect((await upload(Buffer.from('GIF89a not a jpeg'))).json().error.message).toContain(
      '照片须为 JPG 格式',
    );
    expect((await upload(jpegOf(120, 160))).json().photo).toMatchObject({
      width: 120,
      height: 160,
      confirmed: false,
    });
    expect(
      (
        await t.app.inject({ method: 'POST', url: '/api/candidate/profile/photo/confirm', headers })
      ).json().photo.confirmed,
    ).toBe(true);
    const again = await upload(jpegOf(100, 140));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PROFILE.PHOTO_LOCKED');
  });
});
