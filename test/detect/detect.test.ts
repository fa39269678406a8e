import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detect/detect.js';
import type { DecisionCategory, EvidenceKind } from '../../src/detect/types.js';

interface Row {
  readonly text: string;
  readonly decision: boolean;
  readonly customer: boolean;
  readonly evidence?: readonly EvidenceKind[];
  readonly category?: DecisionCategory;
  readonly oneWayDoor?: boolean;
}

type Table = readonly Row[];

/** Shorthands keep hundreds of rows readable: `decision(text, 'roadmap')`, `neither(text)`. */
const decision = (text: string, category?: DecisionCategory, oneWayDoor?: boolean): Row => ({
  text,
  decision: true,
  customer: false,
  evidence: [],
  ...(category === undefined ? {} : { category }),
  ...(oneWayDoor === undefined ? {} : { oneWayDoor }),
});
const neither = (text: string): Row => ({ text, decision: false, customer: false, evidence: [] });
const insight = (text: string, evidence: readonly EvidenceKind[]): Row => ({
  text,
  decision: false,
  customer: true,
  evidence,
});
const both = (
  text: string,
  evidence: readonly EvidenceKind[],
  category?: DecisionCategory,
  oneWayDoor?: boolean,
): Row => ({
  ...decision(text, category, oneWayDoor),
  customer: true,
  evidence,
});

function check(row: Row): void {
  const result = detect(row.text);
  expect(result.decision, 'decision').toBe(row.decision);
  expect(result.customer, 'customer').toBe(row.customer);
  if (row.evidence !== undefined) expect(result.evidence, 'evidence').toEqual(row.evidence);
  if (row.category !== undefined) expect(result.kind?.category, 'category').toBe(row.category);
  if (row.oneWayDoor !== undefined) expect(result.kind?.oneWayDoor, 'oneWayDoor').toBe(row.oneWayDoor);
  expect(result.kind === null, 'kind is null exactly when not a decision').toBe(!row.decision);
  expect(result.evidence.length === 0, 'evidence is empty exactly when not customer').toBe(!row.customer);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
}

const LABELING_DECISIONS: Table = [
  decision('Decision: we ship the CSV importer before the API.', 'roadmap', false),
  decision('We decided to move billing emails to Postmark.'),
  decision('Final call: annual plans get two months free.', 'pricing', true),
  decision("Agreed in today's sync: weekly demos move to Thursday.", 'process'),
  decision('Going with option B.', 'other', false),
  decision("We'll ship the importer first.", 'roadmap', false),
  decision('Approved: the new onboarding checklist goes live for all workspaces.'),
  decision('From now on support replies within 4h.', 'process', false),
  decision('The call is: we keep the free tier.', 'pricing', true),
  decision('Conclusion from the workshop: we focus on mid-market accounts next quarter.', 'roadmap'),
  decision("We're moving CI to GitHub Actions this sprint.", 'technical', false),
  decision("> We'll sunset v1 in May. That's where we landed.", 'sunset', true),
  decision("&gt; We'll sunset v1 in May. That's where we landed.", 'sunset', true),
  decision(':rotating_light: <!here> *Decision:* we ship the importer first :rocket:', 'roadmap'),
  decision('<@U024BE7LH|maria> <!channel>\n*Going with option B.*\nDetails in <https://docs.example.com/b|the doc>.'),
];

const LABELING_NON_DECISIONS: Table = [
  neither('Have we decided on the pricing page copy?'),
  neither('We decided?? I missed it'),
  neither('I propose we drop the legacy exporter.'),
  neither('I think we should move to monthly billing.'),
  neither('Option A or B?'),
  neither("We'll decide on Monday."),
  neither('Need a decision by Friday on the onboarding flow.'),
  neither("We're leaning towards Postgres for the new service."),
  neither('Going with vendor X, pending legal.'),
  neither('If we decide to sunset v1, we need a migration guide.'),
  neither('What if we dropped the free tier?'),
  neither('Can we revisit the decision to drop the free tier?'),
  neither('Stripe decided to deprecate the old charges API.'),
  neither('Our competitor decided to go freemium.'),
  neither('The regulator decided that consent banners need a reject-all button.'),
  neither('I decided to work from home today.'),
  neither('Approved your PTO, enjoy!'),
  neither('Decision fatigue is real after three planning meetings.'),
  neither('The model is just a decision tree with extra steps.'),
  neither('Going with the flow on this one.'),
  neither('Final call for talk submissions is Friday!'),
  neither('```\n// we decided to use a map here\nconst decided = new Map();\n```'),
  neither('Status: importer is 80% done, API blocked on auth.'),
  neither('Incident: checkout latency up since 14:02, investigating. Rolling back the last deploy.'),
];

const LABELING_CUSTOMER: Table = [
  insight('In 6 customer interviews, 4 said the export is the first thing they look for.', ['interview']),
  insight('Survey results: 72% use it daily', ['survey']),
  insight('NPS comments this month keep mentioning slow search.', ['survey']),
  insight('Three 1-star reviews on the App Store this week, all about login loops.', ['review']),
  insight('G2 reviews mention the setup wizard as confusing.', ['review']),
  insight('We got 40 support tickets about the CSV export since Monday.', ['support']),
  insight('Top request on Canny is dark mode with 212 votes.', ['request-board']),
  insight('Exit survey: 38% of churned accounts cite missing SSO.', ['churn', 'survey']),
  insight('The funnel shows 40% of trial users drop at step 2.', ['usage-data']),
  insight('Heatmaps show nobody scrolls past the pricing table.', ['usage-data']),
  insight('Usability test: 4 of 5 participants missed the share button.', ['usability-test']),
  insight('A/B test results: variant B converted 12% better on the signup page.', ['experiment']),
  insight("Globex's finance team can't export invoices to CSV.", ['account-feedback']),
  insight('A customer told me "we can\'t justify the price without SSO".', ['quote']),
  insight('On the discovery call, the prospect said procurement needs SOC 2 first.', ['sales-call', 'quote']),
  insight('12 of 15 interviewees asked for bulk edit.', ['interview']),
  neither('The customer is the priority.'),
  neither('What did customers say?'),
  neither('Interviews are scheduled for next week.'),
  neither('Should we survey users?'),
  neither('The interview guide is in Drive.'),
  neither('MRR is up 8% and we crossed 1,200 signups.'),
  neither('Headcount is 42 as of today.'),
  neither('Our load tests pass on my machine at 2k rps.'),
];

const INDEPENDENCE: Table = [
  insight('Survey results: 72% use it daily', ['survey']),
  decision("We're moving to eu-central-1", 'technical', false),
  both(
    "Agreed in today's sync: we'll ship the importer first, since 40% of trial users drop at the import step.",
    ['usage-data'],
    'roadmap',
  ),
];

const BRIEF_VARIANTS: Table = [
  decision('We decided to drop the annual-only plan.', 'pricing', true),
  decision("We've decided: Postgres for the events store.", 'technical'),
  decision('we decided to sunset the v1 API in Q3', 'sunset', true),
  decision("That's where we landed."),
  decision("we're going with Linear over Jira", 'other'),
  decision('we will sunset v1 in May', 'sunset', true),
  decision('From now on, every PR needs one reviewer.', 'process', false),
  decision('Final call: we keep Friday deploys frozen.'),
  decision('Approved: hiring two more SREs for the platform team.', 'people'),
  decision('The call is: we deprecate the Zapier integration.', 'sunset', true),
  neither('We decided?? I missed it'),
  neither('did we decide on the pricing page yet'),
  neither('have we decided whether to keep the free tier'),
  neither('I propose we move standup to 10am.'),
  neither('I think we should prioritise the importer.'),
  neither('should we go with option B'),
  neither("let's vote: option A (:one:) or option B (:two:)"),
  neither('maybe we ship the importer first and see'),
  neither("we'll decide on monday"),
  neither('need a decision by friday on the enterprise discount'),
  neither('leaning towards dropping the free tier'),
  neither('Going with B, pending legal.'),
  neither('Pricing change is not decided yet.'),
  neither('Launch date: TBD'),
  neither('if we decide to move to GCP we lose our credits'),
  neither('what if we charged per seat'),
  neither('suppose we cut the mobile app, what breaks?'),
  neither('can we revisit the decision on SSO pricing'),
  neither('Stripe decided to raise their fees.'),
  neither('the customer decided to stay on the old plan'),
  neither('I decided to work from home today'),
  neither('Approved your PTO'),
  neither('approved the expense for the team dinner'),
  neither('Anyone have a good decision log template?'),
  neither('Reading a great book on decisions: "Thinking in Bets".'),
  neither('last call for lunch orders'),
  neither("we'll see how it goes"),
  neither("we'll discuss it at the offsite"),
  neither("we'll know more after the beta"),
];

const THIRD_PARTY_CUSTOMER: Table = [
  { text: 'Acme decided to churn', decision: false, customer: true, evidence: ['churn'] },
  neither('the regulator decided to delay the rules'),
];

const CODE_IS_NEVER_A_DECISION: Table = [
  neither('Here is the snippet:\n```\n# we decided to retry 3 times\nretries = 3\n```'),
  neither('Rename `weDecided` to `hasDecided` in the reducer please'),
  neither('```Decision: we ship the importer first```'),
  neither('the flag is `decision: true` in the payload'),
  decision('```\nconst decided = true;\n```\nDecision: we ship the importer first.', 'roadmap'),
];

const SLACK_MESSAGES: Table = [
  // decisions, explicit
  decision(
    '*Sync notes 12/3*\n• Attendees: <@U01|ana>, <@U02|ben>\n• Discussed Q3 roadmap\n• *Decisions:* drop the annual-only plan; keep monthly\n• Next steps: <@U03|cy> to draft the customer email',
    'pricing',
    true,
  ),
  decision(
    'Recap from planning :memo:\n*Decisions:*\n- ship the importer before the API\n- cut the PDF export from the MVP\n*Open questions:*\n- should we charge for SSO?',
    'roadmap',
  ),
  decision('*DECISION*: we migrate the billing database to Postgres 16 next sprint', 'technical', false),
  decision('ok so we decided to keep the free plan but cap it at 3 seats', 'pricing', true),
  decision(
    'Long thread, summarising for folks who missed it. We looked at Vercel, Fly and plain AWS. Cost is similar. We decided to stay on AWS and move the API to eu-central-1 for the GDPR customers. <@U09|dina> owns the plan. Ping me with questions.',
    'technical',
  ),
  decision('<!here> final decision on the offsite: Lisbon, 14-16 May :airplane:'),
  decision('Leadership approved the new pricing tiers for launch.', 'pricing', true),
  decision('leadership decided we sign the 3-year contract with Datadog', 'other', true),
  decision('Decision made: we purge inactive workspaces after 400 days.', 'other', true),
  decision('We agreed to deprecate the legacy webhooks by end of June.', 'sunset', true),
  decision("it's decided, the mobile app goes into maintenance mode", 'sunset', true),
  decision('We made the call to retire the Android tablet app.', 'sunset', true),
  decision('Product and eng agreed in the sync: <#C0123|growth> owns onboarding from now on.', 'people'),
  decision('the team decided to reorg into two squads: activation and retention', 'people'),
  decision('Outcome of the pricing workshop: we raise Pro to $29 per seat.', 'pricing', true),
  decision("quick update: we've agreed that on-call rotates weekly starting Monday.", 'process'),
  decision("&gt; Decision: no more Friday deploys\nthat's from the retro, fyi", 'process'),
  decision('Sam and I decided to hire a contractor for the iOS rewrite.', 'people'),
  decision('The decision is to keep the monolith until Q4.', 'technical'),
  // decisions, implicit
  decision("we're going with Postmark for transactional email", 'other'),
  decision('Going with option B: the slide-out panel. :white_check_mark:'),
  decision("we'll ship the importer first, then the API", 'roadmap'),
  decision("We're sunsetting the Chrome extension on June 30th.", 'sunset', true),
  decision("We won't build the Outlook add-in this year.", 'scope'),
  decision('From now on, every incident gets a postmortem within 48h.', 'process'),
  decision('starting next sprint, standup is async in <#C777|standup>', 'process'),
  decision("We're dropping the annual-only plan.", 'pricing', true),
  decision("We'll delete audit logs older than 2 years.", 'other', true),
  decision("we're switching from Jenkins to GitHub Actions", 'technical'),
  decision("we'll raise prices for new customers on march 1", 'pricing', true),
  decision('Effective immediately, all customer data exports require admin approval.', 'process'),
  decision("We're cutting the reporting module from v2 so we can launch in April.", 'scope'),
  decision('Going forward, design reviews happen on Tuesdays. Bring your Figma links.', 'process'),
  // decisions with customer insight
  both(
    'Decision: we build bulk edit next. 12 of 15 interviewees asked for it and it is the top request on Canny (180 votes).',
    ['interview', 'request-board'],
    'roadmap',
  ),
  both(
    "We're going with the simpler checklist onboarding. In the usability test 4 of 5 participants got stuck on the old wizard.",
    ['usability-test'],
  ),
  both(
    'we decided to add SSO to the Team plan because we lost 3 deals over it last quarter',
    ['sales-call'],
    'pricing',
    true,
  ),
  both(
    '*Decision:* keep the free tier.\n&gt; "Without a free tier we would never have tried you" — ops lead at Initech',
    ['quote'],
    'pricing',
    true,
  ),
  both("Final call: we're killing the legacy dashboard. Mixpanel shows only 3% of accounts opened it last month.", [
    'usage-data',
  ]),
  both('Approved: the onboarding email sequence v2. The A/B test beat control by 9% on activation.', ['experiment']),
  // not decisions
  neither('Does anyone know if we decided on the Q3 offsite venue?'),
  neither('<@U02|ben> did we land on a name for the importer yet'),
  neither('IMO we should just go with Postgres and stop debating :sweat_smile:'),
  neither('Poll: monthly or annual default on the pricing page? React with :one: or :two:'),
  neither('Proposal: we move standup to 10:30. Thoughts?'),
  neither("I'd go with option B but happy to be overruled"),
  neither("Not decided yet, we'll talk about it in Thursday's planning."),
  neither('Still debating whether to sunset v1 this year.'),
  neither('Pricing is still up for discussion, nothing is final.'),
  neither('We need to decide between Fly and Render by EOW.'),
  neither('If we go with the annual plan, finance needs a heads-up.'),
  neither("I'm not sure we agreed on that, can we sync?"),
  neither("I disagree with the decision to cut the API, it'll hurt the agencies."),
  neither('AWS is deprecating the old instance types next year.'),
  neither('Our biggest customer decided to go with a competitor.'),
  neither('They decided to delay the renewal until Q1.'),
  neither('Decision trees vs random forests for churn prediction, any preference?'),
  neither('Great talk on decision-making at LeadDev today, slides in <https://x.io/slides|here>'),
  neither('Approved the expense report, <@U05|kim>.'),
  neither('Your PR is approved :tada:'),
  neither('I decided to skip the all-hands, feeling sick :face_with_thermometer:'),
  neither("From now on I'm working from the Berlin office on Tuesdays."),
  neither('Shipped the importer to 10% of workspaces :tada: dashboards in <#C42|metrics>'),
  neither("Deployed v2.3.1 to prod, we'll roll back if the error rate climbs."),
  neither("We're rolling back the deploy, latency is spiking. Incident channel: <#C99|inc-2231>"),
  neither('Sev2: we are moving traffic to us-west-2 while us-east-1 recovers.'),
  neither('ETA for the importer is Friday, we are in QA.'),
  neither('We will probably ship the importer first but nothing is locked.'),
  neither("Let's discuss the pricing change in the Thursday sync."),
  neither("lunch today? we're going with thai unless someone objects"),
  neither('Welcome <@U07|priya>, who is starting Monday on the platform team!'),
  neither('Reminder: the decision log lives in Notion.'),
  neither('Has the call been made on the Android tablet app?'),
  neither('Can someone confirm we agreed to keep SSO on Enterprise only?'),
  neither('Options: (a) keep the monolith, (b) split billing out. Need a call by Tuesday.'),
  neither('Great job on the launch everyone :tada: :tada:'),
  neither('standup notes: ana - importer tests; ben - pricing page copy; cy - OOO'),
  // customer insight only
  insight("From yesterday's customer calls: Globex and Initech both said the CSV export times out on big workspaces.", [
    'interview',
  ]),
  insight('Support says tickets about SSO doubled this month.', ['support']),
  insight('Zendesk volume on the billing page is up 30% since the redesign.', ['support']),
  insight('Intercom chats this week: 14 people asked how to invite teammates.', ['support']),
  insight('Session recordings show admins rage-clicking the disabled save button.', ['usage-data']),
  insight('Hotjar: 60% of visitors never reach the pricing table.', ['usage-data']),
  insight('Churn reasons for Q2: price (41%), missing integrations (22%).', ['churn']),
  insight('Initech churned because they needed an on-prem option.', ['churn']),
  insight('Three customers emailed asking for a Slack integration.', ['quote']),
  insight('Customers keep asking for an audit log.', ['other']),
  insight('<@U03|cy> the Umbrella (enterprise customer) admins told us they cannot find the export button.', [
    'account-feedback',
    'quote',
  ]),
  insight('Half of our trial users never invite a teammate.', ['usage-data']),
  insight('Play Store rating dropped to 3.9 after the update.', ['review']),
  insight('Most-requested feature on the board this quarter: recurring invoices.', ['request-board']),
  insight('Prospects keep asking whether we support SAML.', ['sales-call']),
  insight('&gt; "I spend an hour every Monday fixing the CSV" — customer at Hooli', ['quote']),
  // neither, despite customer words
  neither('Customer interviews start next week, sign up in the sheet.'),
  neither("I'll send the NPS survey on Monday."),
  neither("We're interviewing two candidates for the backend role today."),
  neither('Notes template for customer calls: <https://docs.x.io/tpl|here>'),
  neither('Our users deserve a faster app.'),
  neither('We ran the integration tests locally and they pass.'),
  neither('Signups hit 3,400 this month, a new record :chart_with_upwards_trend:'),
  neither('we made this decision without any customer data, which worries me'),
];

const MORE_SLACK_MESSAGES: Table = [
  // long messages, summaries and quotes
  decision(
    "Morning all! Quick recap of yesterday's planning. We went through the Q3 candidates, talked about the importer, the API and the mobile polish. After a long debate we're going with the importer first; API moves to Q4. Thanks everyone for the energy, slides are in <https://drive.x/abc|Drive>.",
    'roadmap',
  ),
  decision(
    "Decisions from today's sync:\n1. Ship SSO on Team plan\n2. Deprecate legacy API keys by June",
    'pricing',
    true,
  ),
  decision(
    '&gt; *From the pricing sync:*\n&gt; Decision: Enterprise moves to annual-only billing.\n&gt; Owner: <@U4|li>',
    'pricing',
    true,
  ),
  decision("&gt;&gt;&gt; We will deprecate the CSV v1 endpoint.\nIt's been on the roadmap for ages.", 'sunset', true),
  decision(
    'Retro action items:\n- from now on PR descriptions need a test plan\n- <@U9> to fix the flaky e2e job',
    'process',
  ),
  decision(
    ":mega: *Announcement* :mega:\nWe've made the call: the Android app moves to maintenance mode. No new features after 3.2.",
    'sunset',
    true,
  ),
  decision('Q: are we still doing the offsite? A: yes, we decided to keep it.'),
  // explicit and implicit decisions
  decision(
    'hey team, after a lot of back and forth we decided to go with usage-based pricing for the API tier',
    'pricing',
    true,
  ),
  decision('We decided last year to build on Mongo, which in hindsight was a mistake.', 'technical'),
  decision(":white_check_mark: Decided: we'll use Postgres for the events store", 'technical'),
  decision("Heads up: we're raising the Pro price to $29 from Jan 1", 'pricing', true),
  decision('Team, we have decided to shut down the Berlin office.', 'sunset', true),
  decision("I've decided: we're going with B."),
  decision("We're going to launch the mobile app in September.", 'roadmap'),
  decision("We're moving the retro to Thursdays.", 'process'),
  decision("We'll keep the legacy exporter around until Q2."),
  decision("We're not going with the agency, we'll hire in-house instead.", 'people'),
  decision('<@U1> and I agreed to push the launch to May 12.', 'roadmap'),
  decision('The board approved the Series B terms.'),
  decision('As discussed, we will deprecate the v1 endpoints on 1 March.', 'sunset', true),
  decision('the decision was made to consolidate the two design systems'),
  decision("A decision has been made: we're freezing features for two weeks."),
  decision("We'll ship when it's ready.", 'roadmap'),
  decision("We're changing the standup time to 9:45.", 'process'),
  decision('We are not moving to Kubernetes. Too much overhead for a team of 6.', 'technical'),
  decision('Going with the annual discount at 20%, finance signed off.', 'pricing', true),
  decision("Great news: we'll launch the iOS app on March 3rd!", 'roadmap'),
  decision('This was decided by the exec team last week: no new hires until Q2.', 'people'),
  decision("Here's what we agreed: weekly releases, Tuesday cutoff.", 'process'),
  decision("So, to confirm: we're moving the data warehouse to BigQuery."),
  decision('Decided to go with Figma for the design system.'),
  decision('went with option 2 in the end'),
  decision("We've chosen Vanta for SOC 2."),
  decision('Starting Monday we will charge for additional seats.', 'pricing', true),
  decision('effective today, the support team covers weekends on rotation', 'process'),
  decision('New policy: from now on, all customer-facing copy goes through <!subteam^S1|@docs>.', 'process'),
  decision("After much debate: we're sticking with Slack for customer support."),
  decision('Reached a decision on the logo: option 3 it is.'),
  decision("it's official: we're rebranding to Tessel in April", 'other', true),
  decision("We're moving to eu-central-1, which should cut latency for EU customers.", 'technical'),
  decision('from now on every pricing change needs a customer quote attached'),
  decision('we decided to run customer interviews before touching pricing'),
  // typos and formatting
  decision('we decidd to go with stripe for billing', 'pricing'),
  decision('decison: we ship friday', 'roadmap'),
  decision("we've decided to go w/ option b"),
  decision("*we're going w/ B*"),
  decision('_Decision_: ~monthly~ annual billing only for Enterprise', 'pricing', true),
  // not decisions
  neither('Quick q - did leadership sign off on the Q3 hiring plan?'),
  neither("we're going to need more time on this"),
  neither("we won't know until next week"),
  neither("We're hiring! Check out our careers page."),
  neither("We're moving fast and breaking things this quarter lol"),
  neither('Decisions:\n- none yet'),
  neither('decision: pending legal review'),
  neither('The call was great, thanks everyone!'),
  neither('That call is at 3pm btw'),
  neither('Final call: orders for swag close at noon'),
  neither('everyone agreed the demo went great'),
  neither('Approved ✅'),
  neither("Going forward, I'll post the weekly metrics here."),
  neither('going forward we should document decisions in the wiki'),
  neither("We'll keep you posted."),
  neither("We'll move on to the next item."),
  neither("We're going to sunset the free plan? That seems risky"),
  neither("I heard we're going with B"),
  neither('we decided not to decide today'),
  neither('Nothing decided yet on the pricing page.'),
  neither("There's a decision to be made about the pricing page."),
  neither('Decision needed: SSO on Team plan?'),
  neither('Key decisions: none this week, see you Monday'),
  neither('we will need to revisit this later'),
  neither("We'll get back to you by Friday."),
  neither("We're changing our minds constantly and it's exhausting"),
  neither('going with my gut here: B'),
  neither("We're moving on from the Jira discussion."),
  neither("we'll cut a release tomorrow morning"),
  neither("we'll drop by the office on thursday"),
  neither("We're killing it this quarter!! :fire:"),
  neither("We should've decided this weeks ago."),
  neither('Why did we decide to drop the free tier?'),
  neither("I still don't understand why we decided to drop the free tier"),
  neither('My recommendation: sunset v1 in May.'),
  neither('Decision (draft): sunset v1 in May'),
  neither('<@U1|ana> can you summarise what we agreed?'),
  neither('we are pausing the rollout while we investigate the crash'),
  neither('can you review my draft? "We\'ve decided to sunset v1 in May"'),
  neither('Draft announcement for customers: "We\'ve decided to sunset v1 in May."'),
  neither("`We'll sunset v1` is the subject line I'd use for the email"),
  neither('Thinking about it more: we should sunset v1.'),
  neither('Dang, we decided to drop it? ok then'),
  neither('We agreed, right?'),
  neither('we agreed to disagree lol'),
  neither('Everyone: please vote on the offsite location by Friday.'),
  neither('```\ngit commit -m "we decided to ship"\n```\nAnyone else seeing this error?'),
  neither("Decision: no decision until we've talked to 5 customers."),
  neither('The customer wants to know if we decided on SSO pricing.'),
  // customer insight
  insight('Customer feedback from the beta: people love the new editor but hate the toolbar.', ['other']),
  insight('NPS is 42 this quarter, up from 35.', ['survey']),
  insight("Just got off a call with Initech's CTO: they need SCIM before they'll expand.", ['account-feedback']),
  insight('Feature request from Acme: bulk archive.', ['request-board']),
  insight('Gong snippet from the Umbrella demo: "we\'d buy today if you had SSO"', ['sales-call']),
  insight('According to the support team, most tickets this week are password resets.', ['support']),
  insight('I watched 20 FullStory sessions and nobody found the filter.', ['usage-data']),
  insight('Our experiment showed no significant difference between the variants.', ['experiment']),
  insight('In the beta, 8 of 10 teams used the templates.', ['usage-data']),
  insight('2 enterprise accounts churned last month, both citing price.', ['churn']),
  insight('From the G2 reviews: "setup took 10 minutes".', ['review']),
  insight('One user wrote in: "I\'d pay double for offline mode."', ['quote', 'support']),
  insight("We're seeing a lot of tickets asking for an API.", ['support']),
  insight('Customer success flagged that 4 enterprise renewals mention the missing audit log.', ['support']),
  insight('our sales team says prospects want SSO', ['sales-call']),
  insight('We ran 5 usability sessions this week. Main finding: the nav labels confuse everyone.', ['usability-test']),
  insight('The retention cohort for March looks healthier: week-4 retention at 31%.', ['usage-data']),
  insight(
    "Long one, sorry. The onboarding numbers are bad: 40% of trial users drop at step 2 and support tickets about the workspace invite doubled. I think we should simplify the flow, but let's discuss Thursday.",
    ['usage-data', 'support'],
  ),
  insight('Customers decided the new UI was confusing, per the survey: 61% rated it worse.', ['survey']),
  insight('Churned customers told us the same thing: too expensive.', ['churn', 'quote']),
  insight('Conversion rate on the pricing page dropped from 4% to 2.8% after the redesign.', ['usage-data']),
  insight("In 3 of the 5 sessions, users couldn't find the export.", ['usage-data']),
  insight('A few customers have been asking for a dark mode.', ['other']),
  insight('Our champion at Hooli said their CFO killed the deal over price.', ['quote', 'sales-call']),
  insight('We shipped the redesign; early feedback from customers is positive.', ['other']),
  insight('3 of 5 customers we interviewed want SSO.', ['interview']),
  // both
  both("Based on the app store reviews we're prioritising offline mode.", ['review'], 'roadmap'),
  both(
    "We're going with Stripe Billing. Sales has lost two deals this quarter because we can't do usage-based invoices.",
    ['sales-call'],
    'pricing',
  ),
  both(
    "Decision: we'll prioritise the Salesforce integration. Globex's ops team says they can't roll out to 400 reps without it.",
    ['account-feedback'],
    'roadmap',
  ),
  both(
    'We decided to move to monthly billing even though the survey says people prefer annual.',
    ['survey'],
    'pricing',
    true,
  ),
  both('We’re moving to eu-central-1 — customers in the EU asked for data residency', ['other'], 'technical'),
  // customer words without evidence
  neither('Our users are mostly in the US.'),
  neither('We have 3,000 users on the free plan.'),
  neither("Users can't log in, investigating."),
  neither('The NPS survey goes out tomorrow.'),
  neither('Interview notes are in Dovetail.'),
  neither('We should talk to more customers before deciding.'),
  neither('customers hate surprises'),
  neither('The experiment is still running, results next week.'),
  neither('Churn is at 3.2% this month.'),
  neither('<@U1|ana> shared a customer quote in <#C1|research>'),
  neither('Support volume is normal today.'),
  neither('the CEO said customers want simplicity'),
  neither('Funnel data is in Looker if anyone needs it.'),
  neither('the survey template is ready for review'),
  neither('Questions for the usability test are in the doc, please add yours.'),
  neither('We interviewed 3 candidates for the PM role.'),
  neither('Net revenue retention is 112%.'),
  neither('Checking in on the usability study, how is recruiting going?'),
  neither('Great usability session today! Thanks to everyone who joined.'),
  neither("The team's own dogfooding showed the export is slow."),
  neither('Users hate this.'),
  neither('I replied to 12 tickets today.'),
  neither('Rolled the new editor out to 10% of workspaces this morning.'),
];

/** Everyday chatter that uses decision verbs or customer words without being either. */
const LOOKALIKES: Table = [
  neither("We'll move the meeting to 3 if that works for everyone"),
  neither("we're switching laptops to M3s next week"),
  neither("We're shipping the fix now"),
  neither("we're dropping off the call, thanks!"),
  neither("We're cutting it close with the deadline"),
  neither("We'll keep an eye on it."),
  neither("We're removing the flaky test for now until someone has time to fix it"),
  neither("We're introducing Sarah, our new designer!"),
  neither("We'll build it if customers ask"),
  neither("we'll hire when we have budget"),
  neither("We're changing the wifi password today, new one in 1Password"),
  neither("we'll start with a quick demo then Q&A"),
  neither("We'll stop by your desk"),
  neither('decision on the pricing page is yours <@U1|ana>'),
  neither("the decision is yours, I'm fine either way"),
  neither('Good decision!'),
  neither('Great call on the pricing change'),
  neither('Interesting decision by Figma to kill the free plan.'),
  neither('They agreed to pilot in May.'),
  neither('Globex agreed to renew for 3 years'),
  neither('We need to talk to users more often.'),
  neither('Customer success is hiring two more CSMs.'),
  neither('The support rotation schedule is in the wiki.'),
  neither('Can someone update the G2 profile with the new logo?'),
  neither('I set up the Mixpanel integration, events should start flowing tomorrow.'),
  neither('The funnel dashboard is broken again.'),
  neither('A/B test framework is merged, we can start experiments next sprint.'),
  neither('Our NPS tool renewal is due next month.'),
  neither("I'll share the interview recordings later today."),
  neither('Who owns the Zendesk account?'),
  neither('Customer interviews are a great habit, highly recommend the Mom Test.'),
  neither('We have 40 tickets in the sprint backlog.'),
  neither('the customer is always right lol'),
  neither("Pinging <#C1|support> about the outage — customers can't log in."),
  neither('Interviewing users is on my list for next quarter.'),
  neither("Test users in staging can't log in."),
  decision("We're rolling out the new nav to everyone on Monday."),
  decision('we are merging the two onboarding flows'),
  decision("OK team, it's settled — we're moving to Linear."),
  decision('Legal approved the new ToS, it goes live on the 1st.', 'other', true),
  decision('We chose not to pursue the Japan expansion.'),
  decision('As a team we agreed on a 2-week sprint cadence.', 'process'),
  decision('we all agreed: no more scope changes after kickoff', 'scope'),
  decision('Rule of thumb going forward: no meetings on Wednesdays.', 'process'),
  insight('The survey had 312 responses; 58% said onboarding was the hardest part.', ['survey']),
  insight('Heard from 3 admins at Initech: they love the audit log.', ['other']),
  insight('Our app store rating is 4.8 :star:', ['review']),
  insight('Session replays show users rage clicking on the date picker.', ['usage-data']),
  insight('Customers are complaining about the new pricing page on Twitter.', ['other']),
  insight('We ran an A/B test on the pricing page: the annual toggle lifted conversion by 8%.', ['experiment']),
];

const TABLES: ReadonlyArray<readonly [name: string, table: Table]> = [
  ['labeling.md: what counts as a decision', LABELING_DECISIONS],
  ['labeling.md: what does not count as a decision', LABELING_NON_DECISIONS],
  ['labeling.md: customer insight', LABELING_CUSTOMER],
  ['labeling.md: the two labels are independent', INDEPENDENCE],
  ['the decision variants from the brief', BRIEF_VARIANTS],
  ['third parties', THIRD_PARTY_CUSTOMER],
  ['code is never a decision', CODE_IS_NEVER_A_DECISION],
  ['realistic Slack messages', SLACK_MESSAGES],
  ['more realistic Slack messages', MORE_SLACK_MESSAGES],
  ['look-alikes', LOOKALIKES],
];

describe('detect', () => {
  for (const [name, table] of TABLES) {
    describe(name, () => {
      it.each(table)('$text', (row) => check(row));
    });
  }

  it('is more confident about explicit announcements than terse ones', () => {
    expect(detect('Decision: we ship the importer first.').confidence).toBeGreaterThan(
      detect("We'll ship the importer first.").confidence,
    );
  });

  it('is confident that a message with no decision language is not a decision', () => {
    expect(detect('Morning! Coffee machine on floor 3 is fixed.').confidence).toBeGreaterThan(0.5);
  });

  it('returns the same verdict for the same text', () => {
    const text = 'Decision: we raise prices. 40% of trial users drop at step 2.';
    expect(detect(text)).toEqual(detect(text));
  });

  it('handles empty and whitespace-only text', () => {
    expect(detect('')).toMatchObject({ decision: false, customer: false, kind: null, evidence: [] });
    expect(detect(' \n\n ').decision).toBe(false);
  });
});
