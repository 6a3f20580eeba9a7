import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '@/lib/integrations/webhooks/address';
import { webhookUrlProblem } from '@/lib/integrations/webhooks/url';

// The reference: IANA's special-purpose address registries (RFC 6890 and updates), one address from each block,
// written out by hand rather than taken from the code under test.
const INSIDE_V4 = [
  '0.0.0.0',
  '0.1.2.3', // this network
  '10.0.0.1',
  '10.255.255.255', // private
  '100.64.0.1',
  '100.127.255.254', // CGNAT
  '127.0.0.1',
  '127.255.0.9', // loopback
  '169.254.169.254',
  '169.254.0.1', // link-local, cloud metadata
  '172.16.0.1',
  '172.31.255.255', // private
  '192.0.0.8',
  '192.0.2.10',
  '192.88.99.1', // IETF, documentation, 6to4 relay
  '192.168.1.1', // private
  '198.18.0.1',
  '198.19.255.255', // benchmarking
  '198.51.100.7',
  '203.0.113.9', // documentation
  '224.0.0.1',
  '239.255.255.250', // multicast
  '240.0.0.1',
  '255.255.255.255', // reserved, broadcast
];
const INSIDE_V6 = [
  '::',
  '::1', // unspecified, loopback
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254', // IPv4-mapped
  '::127.0.0.1', // IPv4-compatible (deprecated)
  '64:ff9b::a00:1',
  '64:ff9b:1::1', // NAT64
  '100::1', // discard
  '2001::1',
  '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
  '2001:db8::1',
  '3fff::1', // documentation
  '2002:7f00:1::1', // 6to4 of 127.0.0.1
  'fc00::1',
  'fd12:3456:789a::1', // unique local
  'fe80::1',
  'febf::1', // link-local
  'fec0::1', // site-local (deprecated)
  'ff02::1',
  'ff05::2', // multicast
];
const PUBLIC = [
  '1.1.1.1',
  '8.8.8.8',
  '93.184.216.34',
  '100.63.255.255',
  '100.128.0.1',
  '172.15.255.255',
  '172.32.0.1',
  '2606:4700:4700::1111',
  '2a00:1450:400f:80c::200e',
  '::ffff:8.8.8.8',
];

describe('where a webhook may connect', () => {
  it.each(INSIDE_V4)('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(INSIDE_V6)('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(PUBLIC)('allows %s', (address) => expect(isPublicAddress(address)).toBe(true));
  it('refuses what is not an address at all', () => {
    for (const junk of ['', 'localhost', '127.0.0.1.nip.io', '1.2.3', '[::1']) expect(isPublicAddress(junk)).toBe(false);
  });
});

describe('an endpoint URL when it is saved', () => {
  it('refuses the agency’s network in every spelling the URL parser accepts', () => {
    const spellings = [
      'https://127.0.0.1/hook',
      'https://0x7f000001/hook', // hex
      'https://2130706433/hook', // decimal
      'https://0177.0.0.1/hook', // octal
      'https://017700000001/hook', // octal, one number
      'https://127.1/hook', // short form
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[0:0:0:0:0:0:0:1]/hook',
      'https://10.0.0.5:8443/admin',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.1.1/',
      'https://[fd00::5]/',
      'https://[fe80::1]/',
      'https://224.0.0.1/',
      'https://localhost/hook',
      'https://api.localhost/hook',
      'https://intranet/hook',
      'https://db.internal/hook',
      'https://printer.local/',
      'https://router.home.arpa/',
    ];
    for (const url of spellings) expect([url, webhookUrlProblem(url, false)]).toEqual([url, 'internal']);
  });

  it('wants https, a valid URL and no credentials; the test switch allows plain http to this machine only', () => {
    expect(webhookUrlProblem('http://erp.example.com/hook', false)).toBe('https');
    expect(webhookUrlProblem('ftp://erp.example.com/hook', true)).toBe('https');
    expect(webhookUrlProblem('not a url', false)).toBe('invalid');
    expect(webhookUrlProblem('https://user:pass@erp.example.com/hook', false)).toBe('invalid');
    expect(webhookUrlProblem('https://erp.example.com/hook', false)).toBeNull();
    expect(webhookUrlProblem('https://93.184.216.34/hook', false)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', false)).toBe('https');
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4000/hook', true)).toBeNull();
    // The switch opens this machine, never the rest of the inside network, and never plain http to a public address.
    expect(webhookUrlProblem('http://10.0.0.5/hook', true)).toBe('internal');
    expect(webhookUrlProblem('http://93.184.216.34/hook', true)).toBe('https');
  });
});
