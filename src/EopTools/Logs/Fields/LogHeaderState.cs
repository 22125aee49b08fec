using System;

namespace EopTools.Logs
{
    /// <summary>
    /// What a file's headers read so far say: the columns in force (null before the first header) and the last
    /// '#Log-type:'. A part of a file is read right only from the state the part before it ends with.
    /// </summary>
    internal sealed class LogHeaderState
    {
        public LogHeaderState(LogLayout? layout, string? logType)
        {
            Layout = layout;
            LogType = logType;
        }

        public LogLayout? Layout { get; }

        public string? LogType { get; }

        /// <summary>True when a reader starting from either reads every line the same (layouts are compared by value).</summary>
        public bool SameAs(LogHeaderState other) =>
            string.Equals(LogType, other.LogType, StringComparison.Ordinal) &&
            (Layout == null ? other.Layout == null : other.Layout != null && Layout.SameAs(other.Layout));
    }
}
