using System.Text.Json;
using Dispatch.Grains.Domain.Json;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>
/// Reads and writes the <c>deadlinePolicy</c> section of a city file:
/// <code>
/// { "triage": { "endOfWorkingDay": 1 },
///   "tiers": { "consultation": { "endOfWorkingDay": 0 }, "general": { "endOfWorkingDay": 5 },
///              "complex": { "calendar": "P2M" }, "major": null },
///   "summons": { "red": { "ack": { "elapsed": "PT15M" }, "arrive": { "elapsed": "PT30M" } } } }
/// </code>
/// Omitted entries keep their defaults; an explicit null tier means no deadline for that tier.
/// </summary>
internal static class DeadlinePolicyJson
{
    private static readonly string[] RuleNames = ["elapsed", "workingTime", "endOfWorkingDay", "calendar"];

    public static DeadlinePolicyOptions Read(JsonSource source, JsonElement section, string path)
    {
        source.ExpectKind(section, path, null, JsonValueKind.Object, "an object");
        source.AllowOnly(section, path, null, "triage", "tiers", "summons", "followUp");
        var options = DeadlinePolicyOptions.Default;

        if (JsonSource.TryGet(section, "triage", out var triage))
        {
            options = options with { Triage = ReadRule(source, triage, JsonSource.Child(path, "triage")) };
        }

        if (JsonSource.TryGet(section, "followUp", out var followUp))
        {
            options = options with { FollowUp = ReadRule(source, followUp, JsonSource.Child(path, "followUp")) };
        }

        if (section.TryGetProperty("tiers", out var tiers) && tiers.ValueKind != JsonValueKind.Null)
        {
            var tiersPath = JsonSource.Child(path, "tiers");
            source.ExpectKind(tiers, tiersPath, null, JsonValueKind.Object, "an object");
            foreach (var property in tiers.EnumerateObject())
            {
                var tierPath = JsonSource.Child(tiersPath, property.Name);
                var tier = source.ParseEnum<CaseTier>(property.Name, tierPath, null);
                var rule = property.Value.ValueKind == JsonValueKind.Null ? null : ReadRule(source, property.Value, tierPath);
                options = tier switch
                {
                    CaseTier.Consultation => options with { Consultation = rule },
                    CaseTier.Simple => options with { Simple = rule },
                    CaseTier.General => options with { General = rule },
                    CaseTier.Complex => options with { Complex = rule },
                    _ => options with { Major = rule },
                };
            }
        }

        if (JsonSource.TryGet(section, "summons", out var summons))
        {
            var summonsPath = JsonSource.Child(path, "summons");
            source.ExpectKind(summons, summonsPath, null, JsonValueKind.Object, "an object");
            foreach (var property in summons.EnumerateObject())
            {
                var colourPath = JsonSource.Child(summonsPath, property.Name);
                var colour = source.ParseEnum<RiskColour>(property.Name, colourPath, null);
                var rules = ReadSummonsRules(source, property.Value, colourPath, options.ForColour(colour));
                options = colour switch
                {
                    RiskColour.Blue => options with { Blue = rules },
                    RiskColour.Orange => options with { Orange = rules },
                    _ => options with { Red = rules },
                };
            }
        }

        return options;
    }

    public static void Write(Utf8JsonWriter writer, DeadlinePolicyOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("triage");
        options.Triage.WriteJson(writer);

        writer.WriteStartObject("tiers");
        foreach (var tier in Enum.GetValues<CaseTier>())
        {
            writer.WritePropertyName(CamelCaseEnum<CaseTier>.Name(tier));
            if (options.ForTier(tier) is { } rule)
            {
                rule.WriteJson(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();

        writer.WriteStartObject("summons");
        foreach (var colour in Enum.GetValues<RiskColour>())
        {
            var rules = options.ForColour(colour);
            writer.WriteStartObject(CamelCaseEnum<RiskColour>.Name(colour));
            writer.WritePropertyName("ack");
            rules.Ack.WriteJson(writer);
            writer.WritePropertyName("arrive");
            rules.Arrive.WriteJson(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (!options.FollowUp.Equals(DeadlinePolicyOptions.Default.FollowUp))
        {
            writer.WritePropertyName("followUp");
            options.FollowUp.WriteJson(writer);
        }

        writer.WriteEndObject();
    }

    private static SummonsDeadlineRules ReadSummonsRules(JsonSource source, JsonElement element, string path, SummonsDeadlineRules defaults)
    {
        source.ExpectKind(element, path, null, JsonValueKind.Object, "an object");
        source.AllowOnly(element, path, null, "ack", "arrive");
        var rules = defaults;
        if (JsonSource.TryGet(element, "ack", out var ack))
        {
            rules = rules with { Ack = ReadRule(source, ack, JsonSource.Child(path, "ack")) };
        }

        if (JsonSource.TryGet(element, "arrive", out var arrive))
        {
            rules = rules with { Arrive = ReadRule(source, arrive, JsonSource.Child(path, "arrive")) };
        }

        return rules;
    }

    private static DeadlineRule ReadRule(JsonSource source, JsonElement element, string path)
    {
        source.ExpectKind(element, path, null, JsonValueKind.Object,
            "a rule object with one of: " + string.Join(", ", RuleNames));
        source.AllowOnly(element, path, null, RuleNames);
        var properties = element.EnumerateObject().Where(p => !p.Name.StartsWith('$')).ToList();
        if (properties.Count != 1)
        {
            throw source.Error(path, null, $"a rule must have exactly one of: {string.Join(", ", RuleNames)}.");
        }

        var property = properties[0];
        var valuePath = JsonSource.Child(path, property.Name);
        switch (property.Name)
        {
            case "endOfWorkingDay":
                return new EndOfWorkingDayDeadline(source.Int(property.Value, valuePath, null, 0, 366));
            case "calendar":
                {
                    var text = RuleText(source, property.Value, valuePath);
                    var parsed = PeriodPattern.NormalizingIso.Parse(text);
                    if (!parsed.Success || parsed.Value.Equals(Period.Zero) || CalendarPeriodDeadline.HasNegativeUnit(parsed.Value))
                    {
                        throw source.Error(valuePath, null, $"'{text}' is not a positive ISO-8601 period such as P2M.");
                    }

                    return new CalendarPeriodDeadline(parsed.Value);
                }

            default:
                {
                    var text = RuleText(source, property.Value, valuePath);
                    if (!IsoDuration.TryParse(text, out var duration))
                    {
                        throw source.Error(valuePath, null,
                            $"'{text}' is not a non-negative ISO-8601 duration such as PT30M (years and months are not allowed).");
                    }

                    return property.Name == "elapsed" ? new ElapsedDeadline(duration) : new WorkingTimeDeadline(duration);
                }
        }
    }

    private static string RuleText(JsonSource source, JsonElement value, string path)
    {
        source.ExpectKind(value, path, null, JsonValueKind.String, "a string");
        return value.GetString()!;
    }
}
