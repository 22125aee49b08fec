namespace EopTools
{
    /// <summary>The file formats Export-EopRangeDiff writes.</summary>
    public enum EopRangeDiffFormat
    {
        Csv,
        Json,
        Markdown,
    }
}
