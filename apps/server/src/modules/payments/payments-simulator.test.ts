import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { ConfigError, SIMULATOR_NAMES, testConfig, type Config } from '../../config';
import { generateMasterKeyHex, initKeyRingFile } from '../../platform/crypto';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createDataExchange, signPaymentCallback } from '../data-exchange';
import {
  createCandidate,
  createOpenEvent,
  prepareCandidate,
} from '../registrations/registration.test-support';

// The secret simulator callbacks were once signed with, readable by anyone in the source (REG-11).
const PUBLISHED_CALLBACK_SECRET = 'kaolu-finance-simulator-callback';
const CONFIGURED_SECRET = 'shared-with-the-finance-system-only';
const SIMULATE = (noticeId: string) => `/api/candidate/payments/${noticeId}/simulate`;

/** Exchange settings with the finance system real (a dummy URL: nothing here calls it). */
function realFinance(): Pick<Config, 'exchange'> {
  const { exchange } = testConfig();
  const finance = {
    provider: 'http' as const,
    url: 'http://127.0.0.1:9/finance',
    token: 't',
    callbackSecret: CONFIGURED_SECRET,
  };
  return { exchange: { ...exchange, finance } };
}

/** A callback for `noticeNumber` signed with `secret`, as a forger or the finance system would send it. */
function callbackSignedWith(t: TestApp, secret: string, noticeNumber: string) {
  const paidAt = new Date().toISOString();
  const fields = { noticeNumber, transactionId: `T-${randomUUID()}`, amountCents: 5000, paidAt };
  const payload = { ...fields, signature: signPaymentCallback(t.app.kaolu.crypto, secret, fields) };
  return t.app.inject({ method: 'POST', url: '/api/payments/callback', payload });
}

describe('finance simulator only where it is the provider (REG-11)', () => {
  describe('development/test default: the simulator with a per-process secret', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());
    /** The data exchange of the test defaults (no FINANCE_CALLBACK_SECRET), built outside the app. */
    const exchangeFor = (isProduction: boolean) => {
      const { exchange, identity } = testConfig();
      return createDataExchange({
        db: t.database.db,
        exchange,
        realNameConfig: identity.realName,
        isProduction,
      });
    };

    it('signs with a random secret, never the one published in the source', () => {
      expect(t.app.kaolu.exchange.callbackSecret).toMatch(/^[0-9a-f]{64}$/);
      const other = exchangeFor(false);
      expect(other.callbackSecret).not.toBe(t.app.kaolu.exchange.callbackSecret);
    });

    it('in production makes no secret up: without FINANCE_CALLBACK_SECRET it refuses to build', () => {
      expect(() => exchangeFor(true)).toThrow(/FINANCE_CALLBACK_SECRET/);
    });

    it('refuses a callback signed with the published secret, and pays through the simulate route', async () => {
      const event = await createOpenEvent(t.app);
      const c = await createCandidate(t.app);
      await prepareCandidate(t.app, c.headers);
      t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
        hukou: { shanghaiHukou: true, district: '黄浦区' },
      });
      const payload = { eventId: event.id, examCategory: 'comprehensive' };
      const registrationsUrl = '/api/candidate/registrations';
      const registration = await t.app.inject({
        method: 'POST',
        url: registrationsUrl,
        headers: c.headers,
        payload,
      });
      await t.app.kaolu.jobs.drain();
      const noticeUrl = `/api/candidate/registrations/${registration.json().id}/payment`;
      const notice = (
        await t.app.inject({ method: 'GET', url: noticeUrl, headers: c.headers })
      ).json();

      const forged = await callbackSignedWith(t, PUBLISHED_CALLBACK_SECRET, notice.noticeNumber);
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.code).toBe('PAYMENT.SIGNATURE_INVALID');

      const startUrl = `/api/candidate/payments/${notice.id}/start`;
      const started = await t.app.inject({ method: 'POST', url: startUrl, headers: c.headers });
      expect(started.json().simulated).toBe(true);
      const paid = await t.app.inject({
        method: 'POST',
        url: SIMULATE(notice.id),
        headers: c.headers,
      });
      expect(paid.json()).toEqual({ result: 'accepted' });
    });
  });

  describe('FINANCE_PROVIDER=http', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(realFinance());
    });
    afterAll(() => t.close());

    it('has no simulate route: 404 route-not-found even for a signed-in candidate', async () => {
      const c = await createCandidate(t.app);
      const res = await t.app.inject({
        method: 'POST',
        url: SIMULATE(randomUUID()),
        headers: c.headers,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('COMMON.ROUTE_NOT_FOUND');
      expect(t.app.kaolu.exchange.simulators.finance).toBeUndefined();
    });

    it('refuses a callback signed with the published secret and checks the configured one', async () => {
      const forged = await callbackSignedWith(t, PUBLISHED_CALLBACK_SECRET, '312026000000000001');
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.code).toBe('PAYMENT.SIGNATURE_INVALID');
      // Signed with FINANCE_CALLBACK_SECRET it passes the signature check and meets the unknown notice.
      const genuine = await callbackSignedWith(t, CONFIGURED_SECRET, '312026000000000001');
      expect(genuine.json().error.code).toBe('PAYMENT.NOT_FOUND');
    });
  });

  describe('production', () => {
    /** A production config with a real key ring outside any git work tree. */
    async function productionConfig(changes: Partial<Config>): Promise<Config> {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kaolu-prod-'));
      const masterKeyHex = generateMasterKeyHex();
      const keyFile = path.join(dataDir, 'kaolu-keyring.json');
      await initKeyRingFile({ masterKeyHex, keyFile });
      const base = testConfig();
      const finance = { provider: 'simulator' as const, callbackSecret: CONFIGURED_SECRET };
      const exchange = { ...base.exchange, finance };
      const keys = { masterKeyHex, keyFile };
      return {
        ...base,
        env: 'production',
        isProduction: true,
        dataDir,
        keys,
        exchange,
        ...changes,
      };
    }

    it('refuses to build with simulators that ALLOW_SIMULATORS does not name', async () => {
      const config = await productionConfig({
        allowSimulators: SIMULATOR_NAMES.filter((n) => n !== 'finance'),
      });
      await expect(buildApp(config)).rejects.toThrow(ConfigError);
      await expect(buildApp(config)).rejects.toThrow(/FINANCE_PROVIDER: 生产环境不得使用/);
    });

    it('registers the simulate route only when the finance simulator is explicitly allowed', async () => {
      const t = await createTestApp(
        await productionConfig({ allowSimulators: [...SIMULATOR_NAMES] }),
      );
      try {
        expect(t.app.kaolu.exchange.callbackSecret).toBe(CONFIGURED_SECRET);
        expect(
          t.app.hasRoute({ method: 'POST', url: '/api/candidate/payments/:id/simulate' }),
        ).toBe(true);
      } finally {
        await t.close();
      }
    });
  });
});
