// Keeps the source list fit for a safeguarding lead to sign off: every entry is one document with a
// kind, linked (when linked at all) at its own publisher, never at a copy; and every claim about the
// law or about what the audit found rests on at least one primary source.
import { describe, expect, it } from 'vitest';
import sourcesJson from '../../modules/sources.json';
import courseJson from '../../modules/course.json';
import mythsJson from '../../modules/myths.json';
import languageTermsJson from '../../modules/language-terms.json';
import { buildCatalog } from '../../src/content/validateCatalog';
import { claimsIn } from '../../src/content/claims';
import { citedSource, isDecisionStep, PRIMARY_KINDS, type Citation, type Claim } from '../../src/engine/contentSchema';
import { stepKeys } from '../../src/engine/contentKeys';
import { localeResources } from '../fixtures/localeResources';

const catalog = buildCatalog({
  course: courseJson,
  moduleFiles: import.meta.glob('../../modules/*/module.json', { eager: true, import: 'default' }),
  sources: sourcesJson,
  myths: mythsJson,
  languageTerms: languageTermsJson,
});
const resources = localeResources();
const sourceById = new Map(catalog.sources.map((source) => [source.id, source]));

/** Hosts a citation must never open: copies, scrapers, document-sharing sites, encyclopaedias, vendors, vigilantes. */
const DISALLOWED_HOSTS = [
  'noncefinderuk.org', // vigilante site
  'wikipedia.org',
  'movatter.jp', // Wikipedia mirror
  'slideshare.net',
  'docsbay.net',
  'fayllar.org',
  'docslib.org',
  'docplayer.net',
  'docest.com',
  'studyres.com',
  'readkong.com',
  'yumpu.com',
  'issuu.com',
  'yudu.com',
  'pressreader.com',
  'truthlensai.com', // AI rewrites of news
  'stream24news.com',
  'newsio.com',
  'newshorizondaily.com',
  'eandeworld.com',
  'newsdevelops.com',
  'hamidiz.com',
  'daily8.com',
  'anyfans.com',
  'radiosonline.live',
  'occasionaldigest.com',
  'masrizky.web.id',
  'solidnews.us',
  'alertdesk.us',
  'amplifyapp.com',
  'england-times.co.uk',
  'theusmedia.com',
  'inkl.com', // syndicated copies
  'abc15.com',
  'wired-gov.net',
  'govwire.co.uk',
  'govdiff.njk.onl',
  'clevelandohioweatherforecast.com',
  'parallelparliament.co.uk', // copies of Hansard
  'theyworkforyou.com',
  'theyworkforyou.dev.mysociety.org',
  'accountabilityindex.uk',
  'misconductinpublicoffice.org',
  'particle.news',
  'acthub.uk', // unofficial copies of Acts
  'kangs-dev.jtid.co.uk',
  'highspeedtraining.co.uk', // training vendors
  'virtual-college.co.uk',
  'mandyparrytraining.co.uk',
  'teacheractive.com',
  'thelearningblog.co.uk',
  'llbnavigator.com',
  'lawprof.co',
  'ukipwestcumbria.com',
  'msd11.gn.apc.org',
];

/** The domains each publisher publishes on. A source's link must be on its own publisher's domain. */
const PUBLISHER_DOMAINS: Record<string, string[]> = {
  'Home Office (GOV.UK)': ['gov.uk'],
  'Baroness Casey of Blackstock, for the Home Office (GOV.UK)': ['gov.uk'],
  'Department for Education (GOV.UK)': ['gov.uk'],
  'Department for Transport (GOV.UK)': ['gov.uk'],
  'legislation.gov.uk (The National Archives)': ['legislation.gov.uk'],
  'Crown Prosecution Service': ['cps.gov.uk'],
  'Welsh Government (GOV.WALES)': ['gov.wales'],
  'Law Wales (Welsh Government)': ['law.gov.wales'],
  'Wales Safeguarding Procedures': ['safeguarding.wales'],
  'North Wales Safeguarding Board': ['northwalessafeguardingboard.wales'],
  'Neath Port Talbot Council': ['npt.gov.uk'],
  'Independent Inquiry into Child Sexual Abuse (IICSA)': ['iicsa.org.uk'],
  HMICFRS: ['justiceinspectorates.gov.uk'],
  'Greater Manchester Combined Authority': ['greatermanchester-ca.gov.uk'],
  'Telford & Wrekin Council': ['telford.gov.uk'],
  'Bevan Brittan': ['bevanbrittan.com'],
  'Jordans Solicitors': ['jordanssolicitors.co.uk'],
  Kennedys: ['kennedyslaw.com'],
  Keoghs: ['keoghs.co.uk'],
  Devonshires: ['devonshires.com'],
  'Law Society Gazette': ['lawgazette.co.uk'],
  'Forbes Solicitors': ['forbessolicitors.co.uk'],
  'Deka Chambers': ['dekachambers.com'],
  'Local Government Lawyer': ['localgovernmentlawyer.co.uk'],
  'Civil Service World': ['civilserviceworld.com'],
  'Victims’ Commissioner': ['victimscommissioner.org.uk'],
  'Centre for Women’s Justice': ['centreforwomensjustice.org.uk'],
  'The Independent': ['independent.co.uk'],
  'Shropshire Star (PA Media)': ['shropshirestar.com'],
  TaxiPoint: ['taxi-point.co.uk'],
  LBC: ['lbc.co.uk'],
  'Telford Live': ['telford-live.com'],
  'Today’s Family Lawyer': ['todaysfamilylawyer.co.uk'],
  'Changing Futures Bristol': ['changingfuturesbristol.co.uk'],
  'PACE (Parents Against Child Exploitation)': ['paceuk.info'],
  'The Children’s Society': ['childrenssociety.org.uk'],
  'Youth Justice Legal Centre': ['yjlc.uk'],
  'Durham Safeguarding Children Partnership': ['durham-scp.org.uk'],
  'Zero Tolerance': ['zerotolerance.org.uk'],
  'Ann Coffey MP': ['anncoffeymp.com'],
  'Pink Tape (family law blog)': ['pinktape.co.uk'],
  'Hope for the Future': ['hopeforthefuture.at'],
  NSPCC: ['nspcc.org.uk'],
  'NSPCC Learning': ['nspcc.org.uk'],
  'Everyday Victim Blaming': ['everydayvictimblaming.com'],
  'Derbyshire Times': ['derbyshiretimes.co.uk'],
  'Cornwall Association of Primary Heads (CAPH)': ['caph.org.uk'],
  'CSA Primary Prevention': ['csaprimaryprevention.org'],
  'Family Law (LexisNexis)': ['familylaw.co.uk'],
  'Mills & Reeve': ['mills-reeve.com'],
  'ProMo-Cymru': ['promo.cymru'],
};

/**
 * Reviewed exceptions: publishers whose own pages live on a platform's domain.
 * Each names the publisher, the host, and why that host is the publisher's own page.
 */
const HOST_EXCEPTIONS: Record<string, { host: string; why: string }> = {
  // The partnerships publish their multi-agency procedures on tri.x's procedures platform.
  'West Yorkshire Consortium Safeguarding Children Procedures': {
    host: 'westyorkscb.proceduresonline.com',
    why: "the consortium's own procedures manual, hosted by tri.x",
  },
  'Nottinghamshire Safeguarding Children Partnership procedures': {
    host: 'nottinghamshirescb.proceduresonline.com',
    why: "the partnership's own procedures manual, hosted by tri.x",
  },
  // The blog is published on Blogger; its address is the author's own.
  'ObiterJ (law blog)': { host: 'obiterj.blogspot.com', why: "the author's own blog on Blogger" },
};

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');
const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

describe('the source list', () => {
  it('has one entry per id, each with a kind, a publisher, a title and a date in a known shape', () => {
    const ids = catalog.sources.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const raw of sourcesJson as Record<string, unknown>[]) {
      expect(raw, `${String(raw.id)} has a kind`).toHaveProperty('kind');
      expect(typeof raw.publisher).toBe('string');
    }
  });

  it('opens no disallowed host', () => {
    const bad = catalog.sources
      .filter((source) => source.url)
      .filter((source) => DISALLOWED_HOSTS.some((host) => onDomain(hostOf(source.url as string), host)))
      .map((source) => `${source.id}: ${source.url}`);
    expect(bad).toEqual([]);
  });

  it('links every source at its own publisher', () => {
    const wrong: string[] = [];
    for (const source of catalog.sources) {
      if (!source.url) continue;
      const host = hostOf(source.url);
      const exception = HOST_EXCEPTIONS[source.publisher];
      if (exception) {
        if (host !== exception.host) wrong.push(`${source.id}: ${host} is not the reviewed ${exception.host}`);
        continue;
      }
      const domains = PUBLISHER_DOMAINS[source.publisher];
      if (!domains) wrong.push(`${source.id}: no domain listed for publisher "${source.publisher}"`);
      else if (!domains.some((domain) => onDomain(host, domain)))
        wrong.push(`${source.id}: ${host} does not belong to ${source.publisher}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists only sources the course cites', () => {
    const cited = new Set<string>(catalog.languageTerms.flatMap((term) => term.sources.map(citedSource)));
    for (const courseModule of catalog.modules)
      for (const lesson of courseModule.lessons)
        for (const step of lesson.steps) {
          for (const paragraph of step.paragraphs) paragraph.sources.forEach((ref) => cited.add(citedSource(ref)));
          if (isDecisionStep(step))
            for (const option of step.options) option.sources.forEach((ref) => cited.add(citedSource(ref)));
        }
    // The About page and the support page cite these directly.
    for (const id of ['S1', 'S6', 'S12', 'S10', 'S64', 'L45', 'L46']) cited.add(id);
    expect(catalog.sources.map((source) => source.id).filter((id) => !cited.has(id))).toEqual([]);
  });
});

interface Item {
  where: string;
  english: string;
  claims: Claim[];
  sources: Citation[];
}

function items(): Item[] {
  const all: Item[] = [];
  const english = (moduleId: string, key: string) => (resources.en?.[moduleId] as Record<string, string>)[key] ?? '';
  for (const courseModule of catalog.modules)
    for (const lesson of courseModule.lessons)
      for (const step of lesson.steps) {
        for (const paragraph of step.paragraphs) {
          // A decision's situation is the scenario itself, not a claim the course makes.
          if (isDecisionStep(step) && paragraph.id === 'situation') continue;
          const key = stepKeys.paragraph(lesson.id, step.id, paragraph.id);
          all.push({
            where: `${courseModule.id}:${key}`,
            english: english(courseModule.id, key),
            claims: paragraph.claims ?? [],
            sources: paragraph.sources,
          });
        }
        if (isDecisionStep(step))
          for (const option of step.options) {
            const key = stepKeys.explanation(lesson.id, step.id, option.id);
            all.push({
              where: `${courseModule.id}:${key}`,
              english: english(courseModule.id, key),
              claims: option.claims ?? [],
              sources: option.sources,
            });
          }
      }
  return all;
}

describe('claims about the law and the audit', () => {
  it('marks every sentence that states the law or says what the audit found', () => {
    const unmarked = items()
      .map((item) => ({ ...item, missing: claimsIn(item.english).filter((claim) => !item.claims.includes(claim)) }))
      .filter((item) => item.missing.length > 0)
      .map((item) => `${item.where}: add claims ${JSON.stringify(item.missing)}`);
    expect(unmarked).toEqual([]);
  });

  it('rests every marked claim on at least one primary source', () => {
    const primary = new Set<string>(PRIMARY_KINDS);
    const weak = items()
      .filter((item) => item.claims.length > 0)
      .filter((item) => !item.sources.some((ref) => primary.has(sourceById.get(citedSource(ref))?.kind ?? '')))
      .map(
        (item) =>
          `${item.where} (${item.claims.join(', ')}): cites ${item.sources.map(citedSource).join(', ') || 'nothing'}`,
      );
    expect(weak).toEqual([]);
  });

  it('reports how many citations rest on news or commentary alone', () => {
    const cited = items().filter((item) => item.sources.length > 0);
    const secondaryOnly = cited.filter((item) =>
      item.sources.every((ref) => ['news', 'commentary'].includes(sourceById.get(citedSource(ref))?.kind ?? '')),
    );
    console.info(
      `${secondaryOnly.length} of ${cited.length} cited items rest on news or commentary alone:\n` +
        secondaryOnly.map((item) => `  ${item.where}`).join('\n'),
    );
    expect(secondaryOnly.length).toBeLessThan(cited.length);
  });
});

describe('the law on under-13s', () => {
  const SHORTHAND = [
    /(?<!penile )penetration of a child under 13 is (?:already )?(?:classed as )?rape/i,
    /under 13, penetration is rape/i,
    /under-13s?,? penetration is rape/i,
    /treiddio plentyn (?:o )?dan 13 oed (?:eisoes )?yn cael ei ddosbarthu fel treisio/i,
    /o dan 13 oed, (?:treisio yw treiddio|mae treiddiad rhywiol yn dreisio)/i,
    /treiddiad rhywiol i blentyn o dan 13 oed yn dreisio/i,
  ];

  it('never uses the "penetration of a child under 13 is rape" shorthand, in any language', () => {
    const hits: string[] = [];
    for (const [language, namespaces] of Object.entries(resources))
      for (const [namespace, words] of Object.entries(namespaces))
        for (const [key, text] of Object.entries(words as Record<string, string>))
          if (SHORTHAND.some((pattern) => pattern.test(text))) hits.push(`${language}/${namespace}:${key}`);
    expect(hits).toEqual([]);
  });

  it('teaches sections 5 and 6 in the law brief’s own words where the law is taught', () => {
    const taught = (resources.en?.adultification as Record<string, string>)['law-and-record.the-law-now.p1'];
    expect(taught).toContain(
      'In England and Wales, a person who intentionally penetrates the vagina, anus or mouth of a child under 13 with his penis commits rape of a child under 13 (section 5, Sexual Offences Act 2003).',
    );
    expect(taught).toContain('is assault of a child under 13 by penetration (section 6)');
    expect(taught).toContain('a rape charge for a child of this age still needs proof that the child did not consent');
  });
});
