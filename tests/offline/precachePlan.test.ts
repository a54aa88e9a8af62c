import { describe, expect, it } from 'vitest';
import type { RouteMatchCallbackOptions } from 'workbox-core';
import course from '../../modules/course.json';
import {
  certificatePdfRuntimeCaching,
  openBadgeRuntimeCaching,
  orderPrecache,
} from '../../src/features/offline/precachePlan';

const entry = (url: string) => ({ url, revision: null, size: 1 });

describe('the order of the offline copy', () => {
  it('puts the shell first, then the lesson code, then each module in course order, then the rest', async () => {
    const [first, second] = course.modules;
    const urls = [
      'assets/TrainerPage-a1.js',
      `assets/${second}-b2.js`,
      'assets/LessonPage-c3.js',
      `assets/${first}-d4.js`,
      'assets/index-e5.js',
      'index.html',
      'assets/atkinson-hyperlegible-latin-400-normal-f6.woff2',
      `assets/${first}-g7.js`,
    ];
    const { manifest } = await orderPrecache(urls.map(entry));
    expect(manifest.map((item) => item.url)).toEqual([
      'assets/index-e5.js',
      'index.html',
      'assets/atkinson-hyperlegible-latin-400-normal-f6.woff2',
      'assets/LessonPage-c3.js',
      `assets/${first}-d4.js`,
      `assets/${first}-g7.js`,
      `assets/${second}-b2.js`,
      'assets/TrainerPage-a1.js',
    ]);
  });
});

describe('the certificate PDF runtime cache', () => {
  const matches = (address: string, origin = 'https://heard.example') => {
    const url = new URL(address, origin);
    const match = certificatePdfRuntimeCaching.urlPattern as (options: RouteMatchCallbackOptions) => boolean;
    return match({ url, sameOrigin: url.origin === origin } as RouteMatchCallbackOptions);
  };

  it('keeps the PDF chunk and the PDF-only fonts, whatever their hash', () => {
    expect(matches('/assets/certificatePdf-CMhlfkIM.js')).toBe(true);
    expect(matches('/assets/certificatePdf-x_9-Q.js')).toBe(true);
    expect(matches('/assets/AtkinsonHyperlegibleNext_400Regular-C2AKQC4S.ttf')).toBe(true);
    expect(matches('/assets/AtkinsonHyperlegibleNext_700Bold-CpGw1_oS.ttf')).toBe(true);
  });

  it('leaves everything else, and anything from another origin, alone', () => {
    expect(matches('/assets/CertificatePage-DPnrFSOv.js')).toBe(false);
    expect(matches('/assets/index-QfKVwqnD.js')).toBe(false);
    expect(matches('https://cdn.example/assets/certificatePdf-CMhlfkIM.js')).toBe(false);
    expect(certificatePdfRuntimeCaching.handler).toBe('CacheFirst');
  });
});

describe('the Open Badges runtime cache', () => {
  const matches = (address: string, origin = 'https://heard.example') => {
    const url = new URL(address, origin);
    const match = openBadgeRuntimeCaching.urlPattern as (options: RouteMatchCallbackOptions) => boolean;
    return match({ url, sameOrigin: url.origin === origin } as RouteMatchCallbackOptions);
  };

  it('keeps the Open Badges chunk on first use, like the PDF chunk, and nothing else', () => {
    expect(matches('/assets/openBadge-C3LTBrvP.js')).toBe(true);
    expect(matches('/assets/useCertificateCheck-BOnvSkHz.js')).toBe(false);
    expect(matches('/assets/certificatePdf-CMhlfkIM.js')).toBe(false);
    expect(matches('https://cdn.example/assets/openBadge-C3LTBrvP.js')).toBe(false);
    expect(openBadgeRuntimeCaching.handler).toBe('CacheFirst');
  });
});
