using System.Text;

namespace Dispatch.LoadTests.Api;

/// <summary>
/// Turns Server-Sent Events lines into messages (WHATWG rules, the parts the silo uses): <c>event:</c> names the
/// type, <c>data:</c> lines are joined with newlines, a blank line dispatches, a line starting with ':' is a comment.
/// Feed it one line at a time (without the line end).
/// </summary>
public sealed class SseParser
{
    private readonly StringBuilder _data = new();
    private string? _event;
    private bool _hasData;

    /// <summary>The message this line completes (or the comment it is), else null.</summary>
    public SseMessage? Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            if (!_hasData)
            {
                _event = null;
                return null;
            }
            var message = new SseMessage(_event ?? "message", _data.ToString());
            _data.Clear();
            _event = null;
            _hasData = false;
            return message;
        }
        if (line[0] == ':') return new SseMessage("", line[1..].TrimStart(), IsComment: true);
        var colon = line.IndexOf(':');
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? "" : line[(colon + 1)..];
        if (value.StartsWith(' ')) value = value[1..];
        switch (field)
        {
            case "event":
                _event = value;
                break;
            case "data":
                if (_hasData) _data.Append('\n');
                _data.Append(value);
                _hasData = true;
                break;
            // id and retry: the silo sends neither; unknown fields are ignored.
        }
        return null;
    }
}
