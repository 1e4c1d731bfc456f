using System.Text.RegularExpressions;

namespace Dispatch.Grains.Interfaces.Faults;

/// <summary>
/// Every <see cref="Fault"/> code with its English sentence, the one place the API's failure texts come from. A
/// sentence names its arguments in braces (<c>{max}</c>); the dashboard's resources hold the same codes as
/// <c>Fault_&lt;code&gt;</c> in each language. Codes are never renamed: stored results and the dashboard know them.
/// </summary>
public static partial class FaultCatalog
{
    /// <summary>A free English text of the API's own checks (<see cref="Fault.Text"/>); it has no translation.</summary>
    public const string TextCode = "text";

    /// <summary>What the API says for an id that is not one.</summary>
    public const string IdSentence = "Not a valid id (1 to 64 ASCII letters, digits, '.', '_' or '-').";

    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        [TextCode] = "{text}",

        // Request checks (field rules and request records).
        ["required"] = "Required.",
        ["requiredText"] = "Required, and must not be empty.",
        ["tooLong"] = "At most {max} characters ({given} given).",
        ["notId"] = IdSentence,
        ["noneNamed"] = "Name at least one, or leave {field} out.",
        ["tooMany"] = "At most {max}.",
        ["namedTwice"] = "An id is named twice.",
        ["outOfRange"] = "Must be {min} to {max}.",
        ["notDuration"] = "Not an ISO-8601 duration such as PT30M (no years or months).",
        ["durationTooShort"] = "At least PT1S.",
        ["arriveBeforeAck"] = "Shorter than ackWithin: arrival cannot be due before acknowledgement.",
        ["printable"] = "1 to {max} printable characters.",

        // The operations behind the API and the dashboard.
        ["forbidden"] = "{detail}",
        ["noCase"] = "No case '{case}'.",
        ["noGrid"] = "No grid '{grid}'.",
        ["noCenter"] = "No center '{center}'.",
        ["noDepartment"] = "No department '{department}'.",
        ["noSummons"] = "No summons '{summons}'.",
        ["selfLink"] = "A case is not linked with itself.",
        ["keyReused"] = "Idempotency-Key '{key}' was used for another report.",
        ["emptyBody"] = "The body is empty; send the file's bytes.",
        ["notMedia"] = "Not a JPEG, PNG or PDF (told from the content: {accepted}).",
        ["badJpeg"] = "Not a well-formed JPEG.",
        ["noAttachment"] = "Case {case} has no attachment {n}.",
        ["attachmentLost"] = "The content of attachment {n} of case {case} is missing from the store.",

        // The case grain.
        ["caseExists"] = "Case {case} exists already.",
        ["caseMissing"] = "There is no case {case}.",
        ["gridMissing"] = "There is no grid '{grid}'.",
        ["departmentMissing"] = "There is no department '{department}'.",
        ["summonsMissing"] = "There is no summons {summons}.",
        ["missing"] = "{what} is required.",
        ["caseTransition"] = "{message}",
        ["summonsTransition"] = "{message}",
        ["notReopenable"] = "Case {case} is {state}; only a resolved, closed or followed-up case is reopened.",
        ["escalateNotOpen"] = "Case {case} is {state}; only an open case escalates.",
        ["superviseNotOpen"] = "Case {case} is {state}; only an open case is supervised.",
        ["takeNotOpen"] = "Case {case} is {state}; only an open case is taken.",
        ["topOfLadder"] = "Case {case} is at {center}, the top of the ladder.",
        ["takenOnce"] = "Case {case} was taken by {leader} at {at}; a case is taken once.",
        ["noRoute"] = "No department of the kinds routed for {category} serves {township}; name departmentIds.",
        ["openSummonsDiffer"] = "Open summonses with other deadlines: {summonses}; a whistle does not change the deadlines of open summonses.",
        ["arriveShorter"] = "arriveWithin is shorter than ackWithin; arrival cannot be due before acknowledgement.",
        ["arriveBeforeColourAck"] = "arriveWithin ends at {arriveAt}, before the {colour} acknowledgement deadline {ackAt}; give ackWithin too, or a longer arriveWithin.",
        ["ackAfterColourArrive"] = "ackWithin ends at {ackAt}, after the {colour} arrival deadline {arriveAt}; give arriveWithin too, or a shorter ackWithin.",
        ["satisfactionRange"] = "Satisfaction is 1 to 5.",
        ["followedUpOnce"] = "Case {case} was followed up already with satisfaction {satisfaction}; a follow-up is recorded once per resolution.",
        ["feedbackNeedsAck"] = "Feedback needs an acknowledged or arrived summons; {summons} is {state}.",

        // Statistics and reports.
        ["scopeRequired"] = "A scope is required: a township, county or city center id, or a department id.",
        ["villageScope"] = "'{scope}' is a village center; statistics are kept for townships, counties, the city and departments.",
        ["noScope"] = "There is no center or department '{scope}'.",
        ["periodRequired"] = "A period is required: day, week, month or quarter.",
        ["notPeriod"] = "'{period}' is not a period; use day, week, month or quarter.",
        ["notDate"] = "'{at}' is not a date YYYY-MM-DD.",
        ["dateOutOfRange"] = "{at} is outside {min} to {max}.",
        ["byRequired"] = "by is required: department or township.",
        ["notRanking"] = "'{by}' is not a ranking; use department or township.",
        ["townshipRanking"] = "Townships are ranked under a county or the city; '{scope}' is a {kind}.",
        ["departmentRanking"] = "Departments are ranked under a township, county or city center; '{scope}' is a department.",
        ["notCounty"] = "'{county}' is not a county center id.",
        ["notReportId"] = "'{report}' is not a report id.",
        ["noReport"] = "No report '{report}'.",
        ["countyRequired"] = "A county center id is required.",
        ["reportKindRequired"] = "A kind is required: daily, weekly, monthly or quarterly.",
        ["reportDateRange"] = "{at} is not from {min} to today ({max}): a period that has not begun has nothing to report.",
        ["metricRequired"] = "A metric is required: {metrics}.",
        ["notMetric"] = "'{metric}' is not a figure with cases behind it; use {metrics}.",
        ["notWholeNumber"] = "'{text}' is not a whole number from {min} to {max}.",

        // The dashboard's host.
        ["notSignedIn"] = "Not signed in.",
        ["engineUnavailable"] = "The engine is unavailable for the moment; try again.",
    };

    /// <summary>Arguments a code carries beyond those its English sentence names (data for other languages' texts).</summary>
    private static readonly Dictionary<string, string[]> DataArguments = new(StringComparer.Ordinal)
    {
        ["caseTransition"] = ["from", "to"],
        ["summonsTransition"] = ["from", "to"],
        ["openSummonsDiffer"] = ["departments"],
    };

    /// <summary>Every argument a fault of <paramref name="code"/> carries: those its sentence names and its data arguments.</summary>
    public static IReadOnlySet<string> Arguments(string code) =>
        Placeholder().Matches(Sentence(code) ?? "").Select(m => m.Groups[1].Value)
            .Concat(DataArguments.GetValueOrDefault(code) ?? [])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every code.</summary>
    public static IReadOnlyCollection<string> Codes => Sentences.Keys;

    /// <summary>The English sentence of <paramref name="code"/> with its placeholders, or null for an unknown code.</summary>
    public static string? Sentence(string code) => Sentences.GetValueOrDefault(code);

    /// <summary>The English sentence of a fault, its arguments filled in; an unknown code says its code and arguments.</summary>
    public static string English(Fault fault) => Sentence(fault.Code) is { } sentence
        ? Fill(sentence, fault.Args)
        : $"{fault.Code}: {string.Join(", ", fault.Args.Select(a => $"{a.Key}={a.Value}"))}";

    /// <summary>
    /// <paramref name="template"/> with every <c>{name}</c> replaced by <paramref name="value"/>(name) — a name it does not
    /// know stays as it is.
    /// </summary>
    public static string Fill(string template, Func<string, string?> value) =>
        Placeholder().Replace(template, m => value(m.Groups[1].Value) ?? m.Value);

    private static string Fill(string template, IReadOnlyDictionary<string, string> args) =>
        Fill(template, name => args.TryGetValue(name, out var v) ? v : null);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
