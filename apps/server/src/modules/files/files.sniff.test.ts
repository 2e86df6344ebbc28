import { describe, expect, it } from 'vitest';
import { sniff } from './files.sniff';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);

describe('sniffing uploads by content', () => {
  it('accepts content that matches its name and declared type', async () => {
    expect(await sniff(pdf, { filename: 'referral.pdf', contentType: 'application/pdf' })).toBe('application/pdf');
    expect(await sniff(png, { filename: 'drawing.PNG', contentType: 'application/octet-stream' })).toBe('image/png');
    expect(await sniff(Buffer.from('Ліки: 20 мг\n'), { filename: 'notes.txt', contentType: 'text/plain; charset=utf-8' })).toBe('text/plain');
    expect(await sniff(png, { filename: 'no-extension', contentType: undefined })).toBe('image/png');
  });

  it('refuses a claim the content contradicts', async () => {
    await expect(sniff(pdf, { filename: 'photo.png', contentType: 'image/png' })).rejects.toMatchObject({ code: 'FILE.TYPE_MISMATCH' });
    await expect(sniff(pdf, { filename: 'report.pdf', contentType: 'image/jpeg' })).rejects.toMatchObject({ code: 'FILE.TYPE_MISMATCH' });
    await expect(sniff(Buffer.from('plain words'), { filename: 'scan.pdf', contentType: 'application/pdf' })).rejects.toMatchObject({
      code: 'FILE.TYPE_MISMATCH',
    });
  });

  it('refuses types that are not on the list, whatever they claim', async () => {
    await expect(sniff(elf, { filename: 'tool', contentType: 'application/octet-stream' })).rejects.toMatchObject({ code: 'FILE.TYPE_NOT_ALLOWED' });
    await expect(
      sniff(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), { filename: 'setup.exe', contentType: undefined }),
    ).rejects.toMatchObject({
      code: 'FILE.TYPE_NOT_ALLOWED',
    });
    await expect(sniff(Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]), { filename: 'x.txt', contentType: 'text/plain' })).rejects.toMatchObject({
      code: 'FILE.TYPE_NOT_ALLOWED',
    });
  });
});
