namespace EopTools.Logs
{
    /// <summary>Which side of the answer to keep.</summary>
    internal enum LogSide
    {
        Both,
        Eop,
        NotEop,
    }
}
