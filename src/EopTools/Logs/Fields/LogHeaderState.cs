using System;

namespace EopTools.Logs
{
    /// <summary>
    /// What a file's headers read so far say: the columns in force (null before the first header), the last
    /// '#Log-type:', and the day of a '#Date:' that a later '#Fields:' without a date field would take. A part of a file
    /// is read right only from the state the part before it ends with.
    /// </summary>
    internal sealed class LogHeaderState
    {
        public LogHeaderState(LogLayout? layout, string? logType, DateTime? directiveDate)
        {
            Layout = layout;
            LogType = logType;
            DirectiveDate = directiveDate;
        }

        public LogLayout? Layout { get; }

        public string? LogType { get; }

        /// <summary>
        /// The day of the last '#Date:' since the columns in force, when they have a date field of their own (then it
        /// is null from their '#Fields:' on, so a restarted log with a date field ends every part with the same state).
        /// </summary>
        public DateTime? DirectiveDate { get; }

        /// <summary>True when a reader starting from either reads every line the same (layouts are compared by value).</summary>
        public bool SameAs(LogHeaderState other) =>
            string.Equals(LogType, other.LogType, StringComparison.Ordinal) && DirectiveDate == other.DirectiveDate &&
            (Layout == null ? other.Layout == null : other.Layout != null && Layout.SameAs(other.Layout));
    }
}
