-- Unit contacts move to an SM4 ciphertext (NFR-SEC-2). A migration cannot encrypt (the keys live
-- outside the database), so the clear "contact" column stays until the server has sealed its rows
-- into "contact_enc" at start-up (sealLegacyUnitContacts) and emptied it.
ALTER TABLE "unit" ADD COLUMN "contact_enc" text;
