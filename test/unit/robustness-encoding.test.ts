import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectEncoding, encodingName, looksMisdecoded } from '../../src/core/encoding';

const GBK_中文字数统计 = Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4, 0xd7, 0xd6, 0xca, 0xfd, 0xcd, 0xb3, 0xbc, 0xc6);

describe('encoding: detection and wrong decodings', () => {
  it('detects BOMs, UTF-8 and GB18030', () => {
    assert.deepEqual(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61), true), { encoding: 'utf-8', bom: true });
    assert.deepEqual(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x61, 0), true), { encoding: 'utf-16le', bom: true });
    assert.deepEqual(detectEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x61), true), { encoding: 'utf-16be', bom: true });
    assert.deepEqual(detectEncoding(new TextEncoder().encode('中文'), true), { encoding: 'utf-8', bom: false });
    // A sample cut inside a UTF-8 character is still UTF-8.
    assert.deepEqual(detectEncoding(new TextEncoder().encode('中文').subarray(0, 4), false), { encoding: 'utf-8', bom: false });
    assert.deepEqual(detectEncoding(GBK_中文字数统计, true), { encoding: 'gb18030', bom: false });
    assert.equal(encodingName('GBK'), 'gbk');
    assert.equal(encodingName('klingon'), undefined);
  });

  it('finds GBK read as UTF-8 or as Latin-1, and leaves right text alone', () => {
    assert.equal(looksMisdecoded(new TextDecoder('utf-8').decode(new Uint8Array([...GBK_中文字数统计, ...GBK_中文字数统计]))), 'replacement');
    assert.equal(looksMisdecoded(new TextDecoder('latin1').decode(GBK_中文字数统计)), 'gbk-as-latin1');
    for (const fine of ['中文字数统计，正常的文本。', 'Café crème brûlée — naïve façade', '一个\ufffd替换字符的网页'.repeat(1)]) assert.equal(looksMisdecoded(fine), undefined, fine);
  });
});
