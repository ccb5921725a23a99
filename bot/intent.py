"""What kind of answer a question wants (a definition, a reason, a quantity, a consequence, a time or place).

Among passages that score close to the best, one that has the wanted kind of answer is preferred;
for time and place the article must have one, or the question is not covered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot import lexicon
from bot.text import message_words, normalise, sentence_terms, stem, stop_words, words


@dataclass(frozen=True, eq=False)  # each is one of INTENTS: compared by identity, not field by field
class Intent:
    """A question shape and the passage text that answers that shape."""

    name: str
    question: re.Pattern[str]
    answer: re.Pattern[str]
    required: bool = False  # no passage with such an answer: the question is not covered
    anchored: bool = False  # the answer must be in or right after the first sentence on the question's subject
    direction: bool = False  # which way an effect goes (harm): also read from what a question points back at
    names: bool = False  # the answer names several things one by one: the question is not a general one
    # A follow-up form asking for it ("which ones?") when what it points back at names `named`.
    follows: re.Pattern[str] | None = None
    named: re.Pattern[str] | None = None


# Kinds of things a question may ask to have named ("which foods", "what medications"): the article
# must name some, right after the kind ("supplements such as..."), or it does not answer.
_KINDS = r"foods?|meds|medications?|medicines?|drugs?|supplements?|vitamins?|minerals?|brands?|products?|forms?"
_EVIDENCE = r"sources?|evidence|proof|proven|citations?|references?|studies|study|research"
# Words naming the kind of answer an intent asks for.
_FREQUENCY = r"often|rare|rarely|frequent|frequently|common|commonly|usual|usually|seldom|uncommon"
# The ends of an amount's range ("upper bound of the daily range", "the maximum"): an amount asked.
_BOUNDS = r"(upper|lower) (bound|limit)s?|ceiling|maximum|minimum"
_UNITS = r"gumm(?:y|ie)|pill|tablet|tab|capsule|cap|softgel"  # a product as it is counted ("gummies": gummie+s)
_FREQUENCY_NOUNS = r"frequency|incidence|prevalence"  # "Frequency?", "incidence of headaches?"
_SUMMARY = (r"summary|summari[sz]e|verdict|takeaways?|bottom line|"
            r"(final|closing|parting) (thoughts?|words?|advice|say|verdict|answer|take|remarks?|recommendations?)|"
            r"gist|tl ?dr|in (short|summary)|long story short")
# The clinical register's words for how a thing comes about (see bot/data/clinical-register.txt)
_CAUSES = r"pathophysiology|pathogenesis|etiology|aetiology"
_KIND_WORDS = (("evidence", re.compile(rf"^({_EVIDENCE})$")),
               ("reason", re.compile(rf"^(reasons?|rationale|mechanisms?|pathways?|explanations?|{_CAUSES})$")),
               ("frequency", re.compile(rf"^({_FREQUENCY})$")),
               ("quantity", re.compile(rf"^({_BOUNDS}|ranges?|numbers?)$")),
               # (the synonyms table reads "takeaway", "verdict", "summary" as the article's "conclusion")
               ("summary", re.compile(r"^(final|closing|parting|bottom|line|sentence|gist|tl ?dr|nutshell)$")),
               # the sides weighed ("helps or harms?", "upsides and downsides"): how it asks
               ("both sides", re.compile(r"^(harms?|hurts?|hinders?|upsides?|downsides?)$")))
# "where in the body?" asks for a place in the body, not a time or a shop.
_BODY_PLACE = r"where in (the|my|your|ur|our|his|her) (body|brain|head)"
# "how much time", "how many days": a time, not an amount.
_TIME_UNITS = r"(time|minutes?|hours?|days?|weeks?|months?|years?)\b"

# whom to consult: "who should I ask / see / talk to?"
_ADVISED = r"(should|do|can|must|would|could) (i|he|she|we|they|you) (consult|ask|see|talk|speak|check|go|turn)\b"

INTENTS = (
    # How often: "is that common?", "does it happen often or rarely?" want how common it is said to be.
    Intent("frequency", re.compile(rf"\bhow (often|common|frequent|rare|usual)\b|\b({_FREQUENCY_NOUNS})\b|"
                                   rf"\b(is|are|s) (it|that|this|they) "
                                   rf"(\w+ )?({_FREQUENCY})\b|\b({_FREQUENCY}) or (\w+ )?({_FREQUENCY})\b"),
           re.compile(rf"\b({_FREQUENCY})\b")),
    # ...and asked by its noun ("Frequency?", "incidence of headaches?", "frequency of dosing?"), only a
    # passage saying how common a thing is, or how often it is taken, covers it.
    Intent("frequency", re.compile(rf"\b({_FREQUENCY_NOUNS})\b"),
           re.compile(rf"\b({_FREQUENCY}|daily|per day|a day|every day|once|twice)\b"), required=True),
    Intent("time or place", re.compile(
        rf"^(when|(?!{_BODY_PLACE})where)\b|"
        # "...when is too much?" sets a condition (when it is too much), asks no time
        rf"\b(how long|too long|how soon|how fast|how quickly|what time|how (much|many) {_TIME_UNITS}|"
        r"when (should|do|does|can|to)|when is(?! (it )?too\b)|"
        r"where (can|do|to|is)|which (time|store|shop|brand)|"
        # "which is the best hour of the day", "at what moment": a time named by a noun of time
        r"(which|what)( is| s| are)?( the)?( best| right| ideal| better| good)? (hour|moment|time of (the )?day)|"
        # a time named as what is asked: "optimal timing?", "morning or bedtime dosing?", "is there a best
        # time of day", "the ideal time to take it"
        r"timing|(best|right|ideal|optimal|better) (hour|moment|time)s?|"
        r"(morning|am) or (night|evening|bedtime|at bedtime|pm)|"
        # a time set by another event: "before or after eating?", "before the food or after the food?"
        r"before (\w+ ){0,3}or after|after (\w+ ){0,3}or before)\b"),
        re.compile(r"\b(\d+\s*(minutes?|hours?|days?|weeks?|months?|years?)|morning|evening|bedtime|"
                   r"pharmac\w*|stores?|shops?)\b"), required=True),
    # A place in the body ("where in the body?", "which part of the brain?") is answered by one the
    # article names, not by a time or a shop.
    Intent("place in the body", re.compile(rf"\b{_BODY_PLACE}\b|\b(which|what) parts? of (the|my|your|ur) "
                                           r"(body|brain|nervous system)\b"),
           re.compile(r"\bin the (body|brain|head|nerves|nervous system|muscles?|blood vessels)\b"), required=True),
    # How two things are connected ("what's melatonin got to do with it", "the connection with the
    # melatonin") asks for the mechanism linking them, as a "why" does.
    Intent("reason", re.compile(r"^(why|how come)\b|"
                                rf"\b(reasons?|rationale|mechanisms?|pathways?|explain|why|how come|{_CAUSES})\b|"
                                # "what causes it", "what would be causing that", "what could cause this"
                                r"\bwhat( (is|s|would|could|might|can|may|will))?( be)? caus(es|ing|e)\b|"
                                r"\b(connection|relationship|relation|link) (with|between|to)\b|"
                                r"\b(got|have|has) to do with\b|"
                                # how a thing said comes about ("how would that even happen?", "how does it do
                                # that?", "how so?", "in what way?"): its mechanism
                                r"\bhow (would|does|do|did|could|can|is|might|will) (that|this|it|they) "
                                r"((even|actually|really|exactly) )?(happen|work|do (that|this|it)|be( possible)?|"
                                r"possible)( (in|on|for|to|with) (the |my |your |our )?\w+( \w+)?)?"
                                r"( (exactly|then|though|again))?$|"
                                r"^how (so|exactly)$|^in what way$"),
           re.compile(r"\b(because|due to|which means|as a result|leads? to|leading to|by \w+ing)\b"), anchored=True),
    # Harm: the question asks whether or how something goes wrong ("can it cause...", "sleeping worse",
    # "mess up", "keep me up", "make him anxious", "disturb my sleep", "damage"), so a passage saying it
    # helps does not answer it.
    Intent("harm", re.compile(r"\b(caus(e|es|ed|ing)|worse|worsen\w*|mess(es|ed|ing)? (\w+ )?(up|with)|"
                              r"(keep|keeps|kept|keeping) \w+ up|side effects?|adverse|harm\w*|bad for|"
                              r"risky|riskier|dangerous|unsafe|hazardous|"  # "is it risky to...": the harm of doing it
                              # the reverse of what was hoped ("doing the opposite", "backfire", "counterproductive")
                              r"(the )?(opposite|reverse) (effect|of what)|(do|does|did|doing) the (opposite|reverse)|"
                              r"backfir\w*|"
                              r"counterproductive|"
                              r"disturb\w*|disrupt\w*|interfer\w*|ruin\w*|damag\w*|hurt\w*|"
                              r"(make|makes|made|making|give|gives|giving) (\w+ ){0,2}(anxious|nervous(?! system)|"
                              r"agitated|restless|jittery|wired|sick|worse|not sleep)|"  # not "the nervous system"
                              r"(can ?not|cant|couldnt|not) (sleep|stay calm|be calm|calm down|relax)|wakes? up|"
                              # whether something comes from it ("Is from magnesium?", "could that be due to it?")
                              r"^(is|could|can|might) ((it|that|this) )?(be )?(from|because of|due to)\b|"
                              # whether it is the cause of what was told ("...now im jittery, could that be it")
                              r"\b(could|can|might|would) (that|this|it|mag\w*) be (it|why|the cause)$|"
                              # or to blame for it ("is magnesium to blame?", "could the pills be behind it?")
                              r"\b(be|is|are) (\w+ ){0,2}(to blame|the (culprit|reason)|responsible|"
                              r"behind (it|this|that|them)|doing (this|that|it))$)\b"),
           re.compile(r"\b(cause[sd]?|causing|side effects|lead to|leads to|interfere\w*|disrupt\w*|excess\w*|"
                      r"adverse|imbalanced|difficult|avoid\w*)\b"), anchored=True, direction=True),
    # Benefit: the question asks whether it helps ("does it help with stress?", "is it good for..."), so a
    # passage saying it causes the thing does not answer it; a swap ("what about anxiety?") asks the same way.
    Intent("benefit", re.compile(r"\b(help|helps|helped|helping|good for|benefits?|improves?|relieves?|ease|eases)\b"),
           re.compile(r"\b(help\w*|improv\w*|reduc\w*|benefit\w*|boost\w*|positive|relie\w*|eas(e|es|ing))\b"),
           anchored=True, direction=True),
    Intent("quantity", re.compile(rf"\b(how (much|many)(?! {_TIME_UNITS})|dose|dosage|amount|quantity|rda|intake|"
                                  rf"consumption|{_BOUNDS})\b"
                                  r"|\b\d+ ?(mg|mcg|g|grams?|milligrams?)\b"),
           re.compile(r"\d")),
    # An amount counted in products or per product ("how many gummies?", "one gummy have how much?", "mg per
    # tablet?"): the article gives a daily amount, not what a product holds; only a passage giving one answers.
    Intent("product's amount", re.compile(rf"\bhow many ({_UNITS})s?\b|\bper ({_UNITS})\b"
                                            rf"|\b(one|each|a|every|single) ({_UNITS})\b[^?.]*\bhow (much|many)\b"
                                            rf"|\bhow (much|many)\b[^?.]*\b(in|per) (one|each|a|every) ({_UNITS})\b"),
           re.compile(rf"\b\d+ ?(mg|mcg|milligrams?)? ?(per|in each|in one|in a|a|each) ({_UNITS})\b"
                      rf"|\b\d+ ({_UNITS})s\b"), required=True),
    Intent("consequence", re.compile(r"\b(what (happens|would happen|will happen|if)|and if|if (so|not)|"
                                     r"(is|would|will) (it|that|this) be (bad|dangerous|harmful))\b"
                                     r"|^is (it|that) bad\b"),
           re.compile(r"\b(lead to|leads to|leading to|cause|causes|side effects|result in|interfere\w*)\b")),
    # Advice: what to do about it ("what should he do then?", "so should i stop taking it?", "what I must
    # do", "what do I need to do") wants the article's advice to see a doctor.
    Intent("advice", re.compile(r"\bwhat (should|can|do|would|must) (i|he|she|we|they|you) do\b|"
                                r"\bwhat (i|he|she|we|they|you) (should|can|must|need to|have to) do\b|"
                                r"\bwhat (do|does) (i|he|she|we|they|you) (need|have) to do\b|"
                                r"\bshould (i|he|she|we|they) (stop|quit|keep|continue|still)\b|"
                                r"\bwhat (do|would) you (suggest|recommend|advise)\b|\badvice\b|"
                                rf"\bwho {_ADVISED}"),
           re.compile(r"\b(speak|talk|consult|check)\w*( with| to)? (your|a) (doctor|physician|pharmacist)\b")),
    # Evidence: "source?", "any studies?", "is that proven?" want the article's studies ("sources of
    # magnesium" are foods, not evidence).
    Intent("evidence", re.compile(rf"^({_EVIDENCE})\b|\b(any|what|whats|is there|got a|the|is that|is it)\s+"
                                  rf"({_EVIDENCE})\b(?! of)|\bproven\b"),
           re.compile(r"\b(studies|study|research)\b")),
    Intent("list of examples", re.compile(rf"\b(which|what)\s+(other\s+)?((kinds?|types?|sorts?) of\s+)?({_KINDS})\b"
                                          rf"|\b({_KINDS}) (are |is )?(high|rich) in\b|\blist of\b"),
           re.compile(rf"\b({_KINDS})\b[^.]{{0,40}}?\b(such as|including|like|e g|for example|for instance)\b"),
           required=True, follows=re.compile(r"^(which|what) (ones?|of them|kinds?|types?)\b|^(like what|examples?)\b"),
           named=re.compile(rf"\b({_KINDS})\b")),
    # Effects named one by one: "which are the side effects?", "what symptoms can it give?" want the passage
    # naming them ("such as headaches, anxiety, and insomnia"), not one only warning of them.
    Intent("effects named", re.compile(r"\b(what|which|list|name)( are| r| were| is)?"
                                       r"( the| its| some| all| those| these)?"
                                       r"( (main|common|possible|potential|known|usual))? (side|secondary|adverse|"
                                       r"collateral|unwanted|bad|negative|harmful|ill) effects\b|"
                                       # what too much of it does ("what happens if u take way too much")
                                       r"\bwhat ((happens|would happen|will happen|can happen)|"
                                       r"(\w+ ){0,2}(can|could|would|will|might|does) (\w+ ){0,2}do)\b.*"
                                       r"\b(too (much|many)|overdose\w*|overdo\w*|excess\w*)\b|"
                                       # the troubles it brings, asked for ("what nerve problems does it cause?")
                                       r"\b(what|which) (\w+ ){0,4}(problems|symptoms|effects|issues|troubles) "
                                       r"(do|does|can|could|would|will|might|may) (\w+ ){1,3}(cause|give|trigger)\b|"
                                       # the effects to warn of ("adverse effects to counsel pt on")
                                       r"\b(side|adverse|unwanted) effects (\w+ ){0,3}(counsel|warn|watch for|"
                                       r"look out for|be aware of)\b|"
                                       r"\b(counsel|warn) (\w+ ){0,3}(on|about|of) (the )?"
                                       r"(side|adverse|unwanted) effects\b"),
           re.compile(r"\beffects (such as|including|like)\b|\bcaus(e|es|ing) \w+, \w+,? (and|or) \w+\b"), names=True,
           # ...and asked for after a question about them ("what are they?", "name them", "which ones?")
           follows=re.compile(r"^(which|what) (ones?|of them|are (they|those|these|them))\b|"
                              r"^(name|list) (them|those|these)\b|^(like what|such as)\b"),
           named=re.compile(r"\b(side|adverse|unwanted) effects?\b")),
    # Who: also "which patients / people / populations", and contraindications (those who should not take it).
    # "who should I ask?" asks whom to consult (advice), not who may take it
    Intent("person", re.compile(rf"^who\b(?! {_ADVISED})|"
                                rf"\bwho ((just|really|actually|definitely) )?(?!{_ADVISED})"
                                r"(shouldn t|should|can|must|is|are|needs?)\b|"
                                r"\bfor whom\b|"
                                r"\b(which|what) (kinds? of |sorts? of |types? of |groups? of )?"
                                r"(people|patients?|populations?|groups?|persons?|individuals?)\b|"
                                r"\bcontraindicat\w*"),
           re.compile(r"\b(people|those with|adults|children|anyone|patients|women|men|individuals)\b")),
    # Preference: "which is preferred / better?", "is it better to..." (not "when is it best": a time) want
    # the passage saying what is best
    # ("best to take magnesium in the form of a supplement rather than through food sources").
    Intent("preference", re.compile(r"\b(which|what)( one)?( is| s| are)? (better|preferred|preferable|best)\b|"
                                    r"(?<!when )(?<!where )\b(is it|would it be) (better|best|preferable)\b"),
           re.compile(r"\b(rather than|better than|best to|instead of|preferred|preferable)\b")),
    # Both sides: "good and bad effects?", "good for the brain or bad?", "pros and cons", "which is it?" (after
    # hearing it helps and harms)
    # want the passage weighing both ("both positive and negative effects").
    Intent("both sides", re.compile(r"\b(good( for( \w+){1,3})? (and|or) bad|bad( for( \w+){1,3})? (and|or) good|"
                                    r"pros and cons|positives? and negatives?|"
                                    r"benefits? (and|or|vs|versus) (risks?|harms?|side effects?)|"
                                    r"helps? (or|and) (hurts?|harms?|hinders?)|upsides? (and|or) downsides?|"
                                    r"which is it|(beneficial|helpful|positive|good) (or |and )?(harmful|detrimental|"
                                    r"negative|bad)|(harmful|detrimental|negative|bad) (or |and )?(beneficial|helpful|"
                                    r"positive|good))\b"),
           re.compile(r"\b(positive and negative|negative and positive)\b")),
    # Treatment: "how is an overdose treated?", "what is the treatment for it?", "how do you treat an
    # overdose?" want how a condition is treated; a passage saying none does not cover it.
    Intent("treatment", re.compile(r"\bhow (is|are|do|does|would|should|can) (\w+ ){1,4}(treated|managed|reversed)\b|"
                                   r"\bhow (do|would|should|can|could) (you|we|they|i|one|doctors|nurses|people) "
                                   r"(treat|manage|reverse)\b(?! to)|"
                                   r"\b(what|which|any) (is |are |s )?(the )?(treatments?|antidotes?|cures?) "
                                   r"(for|of)\b|"
                                   # a remedy: "what should I take for them?", "how do I get rid of it?"
                                   r"\bwhat (should|can|could|do|would) (i|you|he|she|we|they) take for\b|"
                                   r"\bget rid of\b"),
           re.compile(r"\b(treat\w*|manag\w*|antidote|cure)\b"), required=True),
    # A test: how a level or a lack is checked ("is there a blood test?", "the analysis of blood can show
    # if I'm low?", "how do u check ur mag levels") wants a passage naming a test; none covers it.
    Intent("test", re.compile(r"\b(blood|urine|lab) (tests?|work|analys[ie]s|panels?|exams?)\b|"
                              r"\b(tests?|analys[ie]s|exams?|examinations?) (of|for|on) (the |my |your |ur )?"
                              r"(blood|urine|levels?)\b|\bdiagnos\w*|"
                              r"\b(check|test|measure)(s|ed|ing)? (\w+ ){0,3}(levels?|deficienc\w*)\b|"
                              r"\b(check|test|measure)(s|ed|ing)? (\w+ ){0,2}(if|whether) (\w+ ){0,3}"
                              r"(low|deficient|lacking|short)\b|"
                              r"\btests? (to|that|which|for|can|could|will|would) (\w+ ){0,2}"
                              r"(see|show|tell|check|find)\b"),
           re.compile(r"\b(test\w*|measur\w*|diagnos\w*|analys[ie]s)\b"), required=True),
    # Caution: contraindications and who should not take it want who should avoid it, not who may ("adults").
    Intent("caution", re.compile(r"\bcontraindicat\w*|\b(who|which \w+) (should|must) (not|never|avoid)\b|"
                                 r"\bwho (shouldn t|can t|cannot)\b|"
                                 # for whom it is not allowed, as other languages ask it ("for which persons
                                 # magnesium is forbidden?", "who is not allowed to take it?")
                                 r"\b(who|whom|which \w+)\b.*\b(forbidden|prohibited|banned|not (allowed|permitted)|"
                                 r"(is|are) not (for|good for|recommended))\b"),
           re.compile(r"\b(should avoid|avoid taking|should not|must not|those with)\b")),
    # A summing up ("any final thoughts?", "what's the bottom line?", "the verdict on X?", "risk-benefit
    # summary in one line") wants the article's own ("In conclusion, ...", "Overall, ...").
    Intent("summary", re.compile(rf"\b({_SUMMARY}|sum (it |this |that |things |everything )?up|"
                                 r"in (one|a) (line|sentence)|in a nutshell|overall)\b"),
           re.compile(r"\b(in conclusion|in summary|to sum up|to conclude|in short|overall)\b")),
)
# A follow-up asking which of what the question before it asked about ("which ones?", "which of them exactly?").
_WHICH_ONES_RE = re.compile(r"^(which|what) (ones?|of them|of those|of these)\b|^which( exactly| specifically)?$")
# A clause opening a question that a comma closes sets a condition, not what is asked ("When body
# don't have enough magnesium, it is connected with which illness?" asks no time); one whose
# auxiliary follows the opener asks ("When should I take it, morning or night?").
_CONDITION_RE = re.compile(r"^\s*(when|whenever|where|if|while|since)\b"
                           r"(?!\s+(should|do|does|did|can|could|is|are|was|will|would|to)\b)[^,?]*,\s*(?=\w)")
# "what" opening a sentence, after any discourse openers ("ok so what does it even do?").
_OPENERS = frozenset({"ok", "okay", "so", "but", "and", "well", "yo", "hey", "wait", "um", "like", "then"})
_WHAT_RE = re.compile(r"^((ok|okay|so|but|and|well|yo|hey|wait|um|like|then)\s+)*(what|whats|tell me about|explain)\b")
_SENTENCE_END_RE = re.compile(r"[.?!]+\s*")
# What a question asks to have defined: "what is X", and what X does or is for ("what does the nervous
# system do?", "what is the role of X", "which work does X make in the body?", as other languages ask it).
_ADVERBS = r"(actually|really|even|exactly|just|still|ever|again|anyway|basically|though)"
# Words around a thing that only point at it: "what's *this* melatonin *you say*?", "the melatonin *thing about*"
_POINTING = r"(thing|things|stuff|business|about|you|u|they|it)"
_THING = rf"(a |an |the |this |that |these |those )?(?P<thing>[a-z]+( (?!({_ADVERBS}|{_POINTING}|and)\b)[a-z]+)?)"
_POINTED = (r"( (thing|things|stuff|business))?( (all )?about)?"
            r"( (you|u|they|it) (say|said|mean|meant|mention|mentioned))?")
# Another question after it ("what is magnesium and why does the body need it", "...is it like a vitamin")
_NEXT_QUESTION = r"(( and)? (why|how|what|is|are|does|do|can) .*)?"
_ROLES = r"role|function|job|work|purpose|task"  # "what is the role of X": what X does
_DOES = r"do|make|have|play"  # "what does X do / play"
_FRAME_RE = re.compile(rf"^({_ROLES}|{_DOES}|plays?|played)$")
_CLOSING_ADVERBS_RE = re.compile(rf"( {_ADVERBS})+$")  # "...even do again"
_DEFINITION_RES = tuple(re.compile(pattern) for pattern in (
    rf"^(what( {_ADVERBS})? (is|are)|whats|what s) {_THING}{_POINTED}{_NEXT_QUESTION}$",
    rf"^(\w+ )*(tell me|explain|know|wonder) what {_THING} (is|are)$",
    # what it does, asked of someone or of the text ("explain what the nervous system does",
    # "how does the author describe what X actually does?")
    rf"^(\w+ )*(tell me|explain|describe|describes) (\w+ ){{0,3}}what {_THING} ({_ADVERBS} )?(does|do)"
    rf"( in (the )?\w+)?( (and )?(where|why|how) .*)?$",
    rf"^(what|which) (is|are) the ({_ROLES}) of {_THING}( in (the )?\w+)?$",
    # the same asked by the possessive, after a framing phrase ("in plain words, what is the nervous system's job?")
    rf"^(\w+ ){{0,3}}(what|which) (is|are) {_THING} s (main |real |actual )?({_ROLES})( in (the )?\w+)?$",
    # as a reader asks it of the text: "how does the author define X('s function)?", "how is X defined?"
    rf"^how (does|do|would) (the |this )?(\w+ )?(define|defines|describe) {_THING}( s ({_ROLES}))?$",
    rf"^how (is|are) {_THING} (defined|described)$",
    rf"^(the )?(definition|meaning) of {_THING}$",
    rf"^(what|which) (({_ROLES}) )?(does|do) {_THING} ({_ADVERBS} )?({_DOES})"
    r"( in (the )?\w+)?( (and )?(where|why|how) .*)?$",
    # the auxiliary left out, as other languages may: "what make exactly the nervous system?"
    rf"^(what|which) (({_ROLES}) )?(make|makes) ({_ADVERBS} )?(?=(the|a|an) ){_THING}( in (the )?\w+)?$",
    # how it works, asked of a system of the body ("how does the nervous system work?")
    rf"^how (does|do) {_THING} ({_ADVERBS} )?(work|function)( in (the )?\w+)?( and .*| (where|why|how|what) .*)?$"))


def of_question(question: str, pointed: str = "") -> list[Intent]:
    """The intents a question shows; a question that only points back ("why tho", "is that
    possible?") also asks in the direction of what it points at (a harm), "which ones?" asks what
    the question it points at asks (who, for contraindications) and for examples of the kind of
    thing it points at ("other medications"). A question asking both ways ("help or make it worse")
    wants no direction, and one with its own direction takes none from what it points at."""
    text, back = _plain(question), _plain(pointed) if pointed else ""
    which = bool(back) and bool(_WHICH_ONES_RE.search(text))
    own = _shown(text)
    directions = [intent for intent in own if intent.direction]
    if len(directions) > 1 or directions and any(intent.name == "both sides" for intent in own):
        own = [intent for intent in own if not intent.direction]
    lend = back and not directions
    return [intent for intent in INTENTS
            if intent in own or (intent.direction and lend or which) and back and intent in _shown(back)
            or intent.follows and back and intent.follows.search(text) and intent.named.search(back)]


# An amount gone past ("exceeding recommended intake", "over the daily dose") is too much, and eating as a
# source ("dietary intake vs supplementation"; "recommended dietary intake" is one) is a way of taking it:
# neither asks an amount; nor does the right amount had or given.
_PAST_AMOUNT_RE = re.compile(r"(?<!recommended )\b(dietary|food) intake\b|"
                             r"\b(exceed\w*|over|above|beyond|past|more than|higher than)( the| your| my)?"
                             r"( (recommended|daily|suggested|maximum|max|safe|normal|usual))* "
                             r"(dose|dosage|amount|intake|rda|limit)\b|"
                             # the right amount had or given ("will a tablet ensure I get the right amount?",
                             # "am I sure to have the right quantity?") is a thing a way of taking it gives
                             r"\b(get|gets|getting|got|give|gives|giving|ensures?|guarantees?|provides?|have|has|having)"
                             r"( me| you| my body| your body| us| them)?( the| a| an)?"
                             r"( (right|correct|proper|enough|full|whole|recommended|daily|adequate|sufficient))+ "
                             r"(dose|dosage|amount|quantity|intake)\b")


@lru_cache(maxsize=64)  # a question is read for its intents twice (by the query reader, then the engine)
def _shown(text: str) -> tuple[Intent, ...]:
    """The intents whose question pattern a question's plain words show (an amount gone past asks none)."""
    unpassed = _PAST_AMOUNT_RE.sub(" ", text)
    return tuple(intent for intent in INTENTS
                 if intent.question.search(unpassed if intent.name == "quantity" else text))


# What is decided for one person, where the article's figures and cautions for adults may not hold for
# others (see asks_for_whom): whether it is safe or suitable, and whether someone may take it.
_FOR_WHOM = frozenset({"quantity", "time or place", "person", "caution", "preference", "advice", "treatment"})
_SUITS_RE = re.compile(r"\b(safe|safely|unsafe|dangerous|harmful|risky|hazardous|toxic|poisonous|"
                       r"ok|okay|alright|fine|suitable|appropriate|advisable|allowed|"
                       r"recommended|too (young|old)|(can|could|should|may|must) (he|she|they|i|we|you|my \w+) "
                       r"(take|have|use|try|start)|(give|giving) (it|him|her|them)|for (him|her|them))\b")


def asks_for_whom(question: str, shapes: list[Intent]) -> bool:
    """Whether a question decides something for a person (an amount, a time, which is best, whether it
    is safe or suitable, who may take it), not what magnesium does."""
    return any(shape.name in _FOR_WHOM for shape in shapes) or bool(_SUITS_RE.search(_plain(question)))


def without_condition(sentence: str) -> str:
    """A question sentence without an opening clause that sets a condition."""
    return _CONDITION_RE.sub("", normalise(sentence))


def names_asked_kind(word: str, shapes: list[Intent]) -> bool:
    """Whether a word names the kind of answer one of a question's intents asks for (the evidence:
    "source", "studies"; the reason: "mechanism", "pathway"): how it asks, not what about."""
    return any(pattern.match(word) for name, pattern in _KIND_WORDS if any(shape.name == name for shape in shapes))


@lru_cache(maxsize=256)  # asked of the same question while reading it, for the subject rule and in ranking
def defined_word(question: str) -> str | None:
    """For "what is X?" questions, X; after discourse openers and before a closing adverb too ("wait so
    what does the nervous system even do again")."""
    plain = _without_openers(_plain(question))
    plain = _CLOSING_ADVERBS_RE.sub("", plain)
    return next((match.group("thing") for pattern in _DEFINITION_RES if (match := pattern.match(plain))), None)


def _without_openers(plain: str) -> str:
    """A question without the discourse openers and sentence adverbs before its "what" ("ok so what...",
    "lowkey what...", "honestly what...")."""
    said = plain.split()
    at = next((i for i, w in enumerate(said) if w in ("what", "whats", "which")), 0)
    if all(w in _OPENERS or (found := lexicon.entry(w)) is not None and found.main == "r" for w in said[:at]):
        return " ".join(said[at:])
    return plain


def frames_definition(word: str) -> bool:
    """Whether a word is how a "what is X" question asks ("role", "function", "play"), not what about."""
    return bool(_FRAME_RE.match(word))


def asks_what(question: str) -> bool:
    """Whether a question asks what something is or does ("what does magnesium do?", "tell me about...")."""
    return any(_WHAT_RE.match(_plain(sentence)) for sentence in _SENTENCE_END_RE.split(question) if sentence)


def answers(intent: Intent, passage: str, about: frozenset[str] = frozenset()) -> bool:
    """Whether a passage has the kind of answer an intent wants; for a reason, with `about` (index
    terms of the question's subject) given, the reason must be in or right after the passage's first
    sentence on that subject."""
    if not _shows(intent.answer, passage):
        return False
    if not intent.anchored or not about:
        return True
    sentences = sentence_terms(passage)
    for i, (_, terms) in enumerate(sentences):
        if not about.isdisjoint(terms):
            # an announcement ("we will explore what side effects could arise") gives no answer
            return any(intent.answer.search(sentence) and not _ANNOUNCES_RE.search(sentence)
                       for sentence, _ in sentences[i:i + 2])
    return False


# A word that `defines` may find defined or glossed: right before "is a", or a word or two before ", which is"
_DEFINED_RE = re.compile(r"\b(\w+)(?=\s+(?:is|are)\s+(?:a|an|responsible for)\b|(?: \w+)?, which (?:is|are|means)\b)",
                         re.IGNORECASE)


def defined_words(passage: str) -> set[str]:
    """The words a passage may define or gloss, lowercased: a cheap first look before `defines`
    (the last word of a phrase it defines is among them)."""
    return {match.group(1).casefold() for match in _DEFINED_RE.finditer(passage)}


def defines(word: str, passage: str) -> bool:
    """Whether a passage defines a word or words ("Magnesium is an essential mineral", "The nervous system
    is responsible for...") or glosses it ("a vasodilator, which means...", "melatonin production, which
    is a hormone that...")."""
    *leading, last = word.casefold().split()
    lead = " ".join(leading)
    for match in _DEFINED_RE.finditer(passage):
        before = passage[:match.start()].casefold().rstrip()
        if match.group(1).casefold().startswith(last) and (
                not lead or before.endswith(lead) and not before[:-len(lead)][-1:].isalnum()):
            return True
    return False


_ANNOUNCES_RE = re.compile(r"\b(we will|we ll|in this article|this article will|we are going to)\b")


# Words that stand for the article's subject or point at the article: pronouns, the article itself
# and what it does (the reporting verbs of academic English: "does it claim...", "is the insomnia
# attributed to...", "is concomitant use addressed?", "what dose is recommended"), taking something
# (a supplement, a dose) and the cautions of doing so ("any cautions for patients with...").
_ARTICLE_WORDS = r"article|text|paper|document|essay|authors?|writers?"  # what names the article or who wrote it
_ARTICLE_RE = re.compile(rf"^({_ARTICLE_WORDS})$")
# Words for a written work that name the article only as "this piece", "the write-up" (not "a piece of").
_WORKS = frozenset({"piece", "post", "blog", "writeup", "handout", "leaflet", "source"})
_POINTING_AT_WORK = frozenset({"this", "the", "that", "your"})
# The verbs of saying something in a text ("is it discussed", "does it mention"): how a question
# asks about the article, never what it asks about.
_SAYS = (r"claims?|claimed|cites?|cited|mentions?|mentioned|says?|said|reports?|reported|discuss(es|ed)?|"
         r"suggests?|suggested|states?|stated|(address|attribut|describ|acknowledg|characteri[sz]|propos|not|"
         r"indicat|highlight|emphasi[sz]|argu|assert|invok|posit)(e|es|ed|s)")
_SAYS_RE = re.compile(rf"^({_SAYS})$")
_POINTS_RE = re.compile(r"\b(it|its|this|that|these|those|they|them)\b")
# "the source" of what is said ("per the source") is the article, "a source of" something is not
_REFERS_RE = re.compile(rf"\b({_ARTICLE_WORDS}|{_SAYS}|lists?|listed|"
                        rf"(the|this|that|your) ({'|'.join(_WORKS)})\b(?! of)|"
                        r"given|recommends?|recommended|"
                        r"takes?|taking|took|supplement(s|al|ation|ing|ed)?|pills?|tablets?|capsules?|gumm(y|ies)|softgels?|"
                        r"doses?|dosage|dosing|"
                        r"intake|rda|requirements?|adverse|side effects?|"
                        r"cautions?|precautions?|contraindicat\w*)\b")


def names_article(word: str) -> bool:
    """Whether a word names the article or its writer ("the author"): never a subject it lacks."""
    return bool(_ARTICLE_RE.match(word))


def names_work(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] names the article as a written work ("covered in this piece?", "the write up",
    or before a verb of saying, "source says?"), not a part of something ("a piece of fruit", "the
    piece of cake")."""
    if tokens[i] not in _WORKS or i + 1 < len(tokens) and tokens[i + 1] == "of":
        return False
    return i > 0 and tokens[i - 1] in _POINTING_AT_WORK or i + 1 < len(tokens) and bool(_SAYS_RE.match(tokens[i + 1]))


def says(word: str) -> bool:
    """Whether a word is a verb of saying in a text ("discussed", "mentions"): how a question asks about the article."""
    return bool(_SAYS_RE.match(word))


def refers_to_subject(question: str, pronouns: bool = True) -> bool:
    """Whether a question points at the article or its subject without naming it ("does it help?";
    with pronouns=False, by a word other than a pronoun: "is the dose safe?")."""
    said = _plain(question)
    return bool(_REFERS_RE.search(said) or pronouns and _POINTS_RE.search(said))


def first_sentence(message: str) -> str:
    """The message's first sentence."""
    return _SENTENCE_END_RE.split(message.strip(), 1)[0]


_SUMS_UP_RE = re.compile(r"^(in conclusion|in summary|to sum up|to conclude|in short|overall)\b")
# A clause conceding something before the sentence says what it is about ("While X can cause..., there are...")
_CONCEDES_RE = re.compile(r"(while|whilst|although|though|even though) [^,.]*,")
_CONCEDES_INSIDE_RE = re.compile(r"(^|[.!?] )(while|whilst|although|though|even though) [^,.]*,")
_SUMS_UP_INSIDE_RE = re.compile(r"(^|[.!?] )(in conclusion|in summary|to sum up|to conclude|in short|overall)\b")


def sums_up(passage: str) -> bool:
    """Whether a passage opens a summary ("In conclusion, ..."): it restates what the article
    states elsewhere."""
    return _shows(_SUMS_UP_RE, passage)


def only_sums_up(passage: str, about: frozenset[str]) -> bool:
    """Whether a passage mentions the question's terms only from a sentence summing up on ("Overall,
    magnesium can have both... While it can help..., it can also cause insomnia"): it restates what
    another passage states."""
    if not _shows(_SUMS_UP_INSIDE_RE, passage):  # no sentence sums up (the common case): no splitting
        return False
    sentences = sentence_terms(passage)
    start = next(i for i, (sentence, _) in enumerate(sentences) if _SUMS_UP_RE.search(sentence))
    mentions = [i for i, (_, terms) in enumerate(sentences) if not about.isdisjoint(terms)]
    return bool(mentions) and min(mentions) >= start


def only_concedes(passage: str, about: frozenset[str]) -> bool:
    """Whether a passage mentions the question's terms only in a clause conceding them before it says
    something else ("While excessive magnesium intake can cause some unwanted side effects, there are
    also many benefits..."): background, which another passage states."""
    if not _shows(_CONCEDES_INSIDE_RE, passage):  # no sentence concedes (the common case): no splitting
        return False
    stops, mentioned = stop_words(), False
    for sentence, terms in sentence_terms(passage):
        if about.isdisjoint(terms):
            continue
        conceded = _CONCEDES_RE.match(sentence)
        if not conceded or not about.isdisjoint(stem(w) for w in words(sentence[conceded.end():]) if w not in stops):
            return False
        mentioned = True
    return mentioned


def only_announces(passage: str, about: frozenset[str]) -> bool:
    """Whether every sentence of a passage that mentions the question's terms only announces what
    the article will discuss ("In this article, we will explore...") rather than stating it."""
    if not _shows(_ANNOUNCES_RE, passage):  # no sentence announces (the common case): no splitting
        return False
    mentions = [sentence for sentence, terms in sentence_terms(passage) if not about.isdisjoint(terms)]
    return bool(mentions) and all(_ANNOUNCES_RE.search(sentence) for sentence in mentions)


@lru_cache(maxsize=4096)  # the same passages come up for many questions, and several times for one
def _shows(pattern: re.Pattern[str], passage: str) -> bool:
    """Whether a passage's normalised text shows a pattern (the kind of answer an intent wants, a
    summary's opening, an announcement)."""
    return pattern.search(normalise(passage)) is not None


@lru_cache(maxsize=64)  # each is asked of one question several times
def _plain(question: str) -> str:
    """The question's words as meant, without hedges ("ngl what does mag do" -> "what does mag do")."""
    return " ".join(message_words(question, hedges=False))
