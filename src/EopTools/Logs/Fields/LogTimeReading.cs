namespace EopTools.Logs
{
    /// <summary>What reading a line's time gave.</summary>
    internal enum LogTimeReading
    {
        /// <summary>A time, read one way only.</summary>
        Read,

        /// <summary>No time: the layout has no time column, or the value is empty.</summary>
        None,

        /// <summary>A value that no way of reading it reads.</summary>
        Unreadable,

        /// <summary>A value that two cultures read as different times (05/11/2026): left empty, not guessed.</summary>
        Ambiguous,
    }
}
