namespace Dispatch.Dashboard.Localization;

/// <summary>
/// The dashboard's texts: Strings.resx is Chinese (the default), Strings.en.resx English. Use through
/// <c>IStringLocalizer&lt;Strings&gt;</c>.
/// </summary>
public sealed class Strings;
