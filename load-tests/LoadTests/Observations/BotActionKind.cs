namespace Dispatch.LoadTests.Observations;

/// <summary>What a department bot did to a summons.</summary>
public enum BotActionKind
{
    Ack,
    Arrive,
}
