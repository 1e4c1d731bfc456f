using Dispatch.LoadTests.Api;

namespace Dispatch.LoadTests.Tests.Api;

public sealed class SseParserTests
{
    private static List<SseMessage> Feed(params string[] lines)
    {
        var parser = new SseParser();
        return lines.Select(parser.Feed).OfType<SseMessage>().ToList();
    }

    [Fact]
    public void EventAndData_DispatchOnTheBlankLine()
    {
        var messages = Feed("event: summons", "data: {\"id\":\"s1\"}", "", "event: escalation", "data: {}", "");
        Assert.Equal([new SseMessage("summons", "{\"id\":\"s1\"}"), new SseMessage("escalation", "{}")], messages);
    }

    [Fact]
    public void Comments_AreReported_AndDoNotDisturbAMessage()
    {
        var messages = Feed(": connected", "", "event: case", ": heartbeat", "data: x", "");
        Assert.Equal([new SseMessage("", "connected", IsComment: true), new SseMessage("", "heartbeat", IsComment: true), new SseMessage("case", "x")], messages);
    }

    [Fact]
    public void DataLines_JoinWithNewlines_AndTheDefaultTypeIsMessage()
    {
        Assert.Equal([new SseMessage("message", "a\nb")], Feed("data:a", "data: b", ""));
    }

    [Fact]
    public void BlankLineWithoutData_ResetsTheEventType()
    {
        Assert.Equal([new SseMessage("message", "d")], Feed("event: summons", "", "data: d", ""));
    }
}
