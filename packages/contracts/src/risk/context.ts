import { anyPhrase, phrase } from './phrase';

/** Figures of speech removed before matching: "this homework is killing me", "помираю зі сміху". */
export const IDIOMS: readonly RegExp[] = [
  phrase(
    String.raw`(?:die|died|dying|dead) (?:of|from|with) (?:embarrassment|shame|laughter|laughing|boredom|cringe|cuteness)|died laughing|dying (?:to|of|laughing)|to die for`,
  ),
  phrase(
    String.raw`(?:bored|scared|sick|worried) to death|kill(?:ing)? myself laughing|(?:could|would|i'd) kill for|dead tired|killing (?:it|me)|cut myself (?:shaving|while|on a|on the|by accident|accidentally)`,
  ),
  phrase(
    String.raw`(?:помира\w*|вмира\w*|умира\w*|помер\w*|вмер\w*|умер\w*|помру|вмру|умру) (?:зі|з|від|со|с|от) (?:сміху|смеху|нудьги|скуки|сорому|стыда|цікавості|любопытства|спеки|жары)`,
  ),
  phrase(
    String.raw`до смерт[іи]|смерть як|(?:вбити|убить|вб'ю|убью) (?:готов\w* )?за|(?:мене|меня) (?:\w+ )?(?:вбиває|вбивають|убивает|убивают)|хоч(?:ь)? (?:вішайся|вешайся|стріляйся|стреляйся|в петлю)`,
  ),
];

// Words that reverse the phrase right after them, and the longer-reaching "never"-type words.
const NEGATOR = /^(?:not|no|never|don't|do|won't|wouldn't|didn't|doesn't|isn't|aren't|wasn't|не|ні|ни|нет|без|ніколи|никогда)$/u;
const STRONG_NEGATOR = /^(?:never|no|ніколи|никогда|жодн\p{L}*|ніяк\p{L}*|никак\p{L}*)$/u;
const WINDOW_BREAK = /[,:;—–()«»"]|\s(?:and|because|і|й|и|та|бо|тому|потому)\s/gu;
const CONJUNCTION_BREAK = /\s(?:and|because|і|й|и|та|бо|тому|потому)\s/gu;
// "не против" / "не проти" is "don't mind": it does not negate what follows.
const NOT_NEGATING = /^(?:против|проти)$/u;
const NEGATION_AFTER =
  /^\s*(?:(?:is|was|are|'s|has|have) (?:not|never|no longer)(?![\p{L}])|(?:—|-)?\s*(?:це |это )?не (?:вихід|выход|варіант|вариант)|(?:немає|нема|нет|не було|не было)(?![\p{L}]))/u;

const wordsAfterLastBreak = (text: string, breaks: RegExp) => {
  let cut = 0;
  for (const match of text.matchAll(breaks)) cut = match.index + match[0].length;
  return text.slice(cut).split(' ').filter(Boolean);
};

/** "I would never kill myself", "я ніколи не зроблю собі боляче", "мыслей о суициде нет". */
export function isNegated(clause: string, start: number, end: number): boolean {
  const before = clause.slice(0, start);
  const near = wordsAfterLastBreak(before, WINDOW_BREAK).slice(-3);
  if (near.some((word, i) => NEGATOR.test(word) && !NOT_NEGATING.test(near[i + 1] ?? ''))) return true;
  // "never", "жодних" reach over a comma: "жодних думок про те, щоб нашкодити собі".
  if (
    wordsAfterLastBreak(before, CONJUNCTION_BREAK)
      .slice(-8)
      .some((word) => STRONG_NEGATOR.test(word.replace(/[,:;]$/, '')))
  )
    return true;
  return NEGATION_AFTER.test(clause.slice(end, end + 40));
}

/** The clause speaks of a time long past or a resolved episode: "last year", "коли мені було 15". */
export const DISTANT_PAST = anyPhrase([
  String.raw`(?:last|past) (?:year|summer|winter|spring|autumn|fall|semester)|years? ago|months ago|a long time ago|back then|used to|not since|clean for`,
  String.raw`when i was (?:younger|little|a kid|a child|a teen|a teenager|in (?:school|college|high school|university)|\d+|\w+teen)|in (?:college|high school|university|my teens|the past)|as a (?:teen|teenager|kid|child)`,
  String.raw`i'm (?:fine|ok|okay|better) now`,
  String.raw`минулого (?:року|літа)|торік|рок(?:ів|и) тому|років \w+ тому|рік тому|колись|раніше|в минулому|у минулому|коли (?:мені було|я була|я був)|в підлітковому|у підлітковому|в школі|у школі|в юності|у \d+ років|в \d+ років`,
  String.raw`(?:зараз|тепер) (?:усе|все) (?:добре|гаразд|нормально)`,
  String.raw`в прошлом году|прошлым летом|лет назад|лет \w+ назад|год назад|когда-то|раньше|в прошлом|когда (?:мне было|я была|я был)|в подростковом|в школе|в юности|в \w+ лет|сейчас все (?:хорошо|нормально)`,
]);

/** Marks a past-tense ideation as current: "tried to kill myself on Sunday", "вчора знову". */
export const RECENT = anyPhrase([
  String.raw`today|tonight|yesterday|last night|this (?:morning|week|weekend|evening)|again|just|right now|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:days?|hours?) ago|still|lately|recently`,
  String.raw`сьогодні|вчора|учора|знову|щойно|цього тижня|зараз|досі|нещодавно|вночі|сегодня|вчера|снова|опять|только что|на этой неделе|сейчас|до сих пор|недавно|ночью`,
]);

export const PAST_VERB = anyPhrase([
  String.raw`wanted|thought|tried|attempted|felt|used`,
  String.raw`(?:хоті|хоте|дума|намага|пробува|пыта|пробова|мріял|мечта)(?:в|л|ла|ли|лась|лася|лся|вся|лися|лись|лося|лось)`,
]);

export const CONDITIONAL = anyPhrase([String.raw`if|unless|якщо|якби|если|коли б`]);

/** Somebody else is the subject: "my friend tried to…", "сестра ріже себе", "подруга написала, що хоче…". */
export const THIRD_PERSON = phrase(
  [
    String.raw`he|she|they|friend|brother|sister|mom|mum|mother|dad|father|son|daughter|cousin|classmate|colleague|coworker|neighbou?r|husband|wife|partner|boyfriend|girlfriend|grandmother|grandfather|grandma|grandpa|client|patient|character|someone|somebody|student|uncle|aunt`,
    String.raw`він|вона|вони|друг|подруг\w*|брат\w*|сестр\w*|мама|мати|тато|батьк\w*|син|донька|дочка|однокласни\w*|колег\w*|сусід\w*|чоловік|дружин\w*|хлопець|дівчина|знайом\w*|бабус\w*|дідус\w*|клієнт\w*|пацієнт\w*|героїн\w*|персонаж\w*`,
    String.raw`он|она|они|мать|папа|отец|сын|дочь|одноклассни\w*|коллег\w*|сосед\w*|муж|жена|парень|девушка|бабушк\w*|дедушк\w*|клиент\w*|пациент\w*|героин\w*`,
  ].join('|'),
);
export const FIRST_PERSON = anyPhrase([String.raw`i|i'm|i've|i'll|i'd|me|my|myself|я|мене|мені|мною|меня|мне|мной`]);
export const FIRST_PERSON_SUBJECT = anyPhrase([String.raw`i|i'm|i've|i'll|i'd|я`]);
export const THIRD_REFLEXIVE = anyPhrase([String.raw`himself|herself|themselves|themself|his own|her own|their own`]);

/** Films, songs, books, classes and clinical talk: the words are about suicide, not the writer's own. */
export const MEDIA_OR_CLINICAL = anyPhrase([
  String.raw`movies?|films?|series|episode|novel|songs?|lyrics|chorus|podcast|article|documentary|character|poem|in class|the ending|lecture|thesis|research|training|scale|questionnaire|phq-?9?|item \d|question \d|clinicians?|therapists|psychologists|side effects?|prevention|statistics|news`,
  String.raw`фільм\w*|серіал\w*|книг\w*|книжк\w*|роман\w*|пісн\w*|рядок|подкаст\w*|статт\w*|новин\w*|персонаж\w*|героїн\w*|лекці\w*|курсов\w*|дослідж\w*|опитувальн\w*|шкал\w*|профілактик\w*|психолог\w*|клієнт\w*|пацієнт\w*`,
  String.raw`фильм\w*|сериал\w*|песн\w*|строчк\w*|стать\w*|новост\w*|героин\w*|лекци\w*|исследов\w*|опросник\w*|профилактик\w*|клиент\w*|пациент\w*`,
]);
