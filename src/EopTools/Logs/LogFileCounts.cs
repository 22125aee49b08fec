using System;
using System.Globalization;

namespace EopTools.Logs
{
    /// <summary>
    /// What one file held, line by line: every line read is exactly one of ignored (headers, comments, blank),
    /// malformed, without an address, not an address, or answered.
    /// </summary>
    internal sealed class LogFileCounts
    {
        public LogFileCounts(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>What the last header said the file is.</summary>
        public string? Kind { get; internal set; }

        public long Lines { get; internal set; }

        public long Ignored { get; internal set; }

        public long Malformed { get; internal set; }

        public long FirstMalformedLine { get; internal set; }

        /// <summary>Why the first malformed line was skipped.</summary>
        public string? FirstMalformedReason { get; internal set; }

        /// <summary>The last line had no line break and did not read as a whole line (the log was being written).</summary>
        public long TruncatedLine { get; internal set; }

        /// <summary>Lines outside -Start and -End, or without a time, when they are given.</summary>
        public long NotInTimeWindow { get; internal set; }

        /// <summary>Of <see cref="NotInTimeWindow"/>: the lines without a time that could be read.</summary>
        public long WithoutTime { get; internal set; }

        /// <summary>The earliest and latest times of the lines outside -Start and -End.</summary>
        public DateTime? EarliestOutside { get; private set; }

        public DateTime? LatestOutside { get; private set; }

        /// <summary>Times read two ways (left empty), and the first: its line, and the value with its readings.</summary>
        public long AmbiguousTimes { get; private set; }

        public long FirstAmbiguousTimeLine { get; private set; }

        public string? FirstAmbiguousTime { get; private set; }

        /// <summary>Times no culture reads (left empty), and the first: its line, and the value with what was tried.</summary>
        public long UnreadableTimes { get; private set; }

        public long FirstUnreadableTimeLine { get; private set; }

        public string? FirstUnreadableTime { get; private set; }

        /// <summary>'#Date:' directives that do not read as yyyy-MM-dd HH:mm:ss, and the first: its line and value.</summary>
        public long UnreadableDateDirectives { get; private set; }

        public long FirstUnreadableDateDirectiveLine { get; private set; }

        public string? FirstUnreadableDateDirective { get; private set; }

        /// <summary>Columns with a time but no date field were in force somewhere: their times take the day of '#Date:'.</summary>
        public bool UsesDirectiveDates { get; internal set; }

        public long NoAddress { get; internal set; }

        public long NotAnAddress { get; internal set; }

        public long FirstNotAnAddressLine { get; internal set; }

        public string? FirstNotAnAddressValue { get; internal set; }

        public string? FirstNotAnAddressField { get; internal set; }

        public string? FirstNotAnAddressError { get; internal set; }

        public long Answered => Eop + NotEop;

        public long Eop { get; internal set; }

        public long NotEop { get; internal set; }

        /// <summary>The counts add up: nothing read was dropped without being counted.</summary>
        public bool AddUp => Lines == Ignored + Malformed + NotInTimeWindow + NoAddress + NotAnAddress + Answered;

        internal void AddMalformed(long line, string reason, long count = 1)
        {
            if (Malformed == 0)
            {
                FirstMalformedLine = line;
                FirstMalformedReason = reason;
            }
            Malformed += count;
        }

        internal void AddNotAnAddress(long line, string field, string value, string? error)
        {
            if (NotAnAddress++ == 0)
            {
                FirstNotAnAddressLine = line;
                FirstNotAnAddressField = field;
                FirstNotAnAddressValue = value;
                FirstNotAnAddressError = error;
            }
        }

        internal void AddUnreadableDateDirective(long line, string value, long count = 1)
        {
            if (UnreadableDateDirectives == 0)
            {
                FirstUnreadableDateDirectiveLine = line;
                FirstUnreadableDateDirective = value;
            }
            UnreadableDateDirectives += count;
        }

        /// <summary>A line outside -Start and -End: its time, or null when it has none that could be read.</summary>
        internal void AddOutsideTimeWindow(DateTime? time)
        {
            NotInTimeWindow++;
            if (!time.HasValue) WithoutTime++;
            else SeeOutside(time.Value, time.Value);
        }

        /// <param name="ambiguous">Read two ways; else unreadable.</param>
        /// <param name="described">The value and its readings: needed for the first only, and null for the others.</param>
        internal void AddTimeProblem(bool ambiguous, long line, string? described, long count = 1)
        {
            if (ambiguous)
            {
                if (AmbiguousTimes == 0)
                {
                    FirstAmbiguousTimeLine = line;
                    FirstAmbiguousTime = described;
                }
                AmbiguousTimes += count;
            }
            else
            {
                if (UnreadableTimes == 0)
                {
                    FirstUnreadableTimeLine = line;
                    FirstUnreadableTime = described;
                }
                UnreadableTimes += count;
            }
        }

        private void SeeOutside(DateTime earliest, DateTime latest)
        {
            if (!EarliestOutside.HasValue || earliest < EarliestOutside.Value) EarliestOutside = earliest;
            if (!LatestOutside.HasValue || latest > LatestOutside.Value) LatestOutside = latest;
        }

        /// <summary>
        /// Adds the counts of the next part of the file, whose line numbers are <paramref name="lineShift"/> short of the
        /// file's (a part read on its own numbers its lines from 1).
        /// </summary>
        internal void Add(LogFileCounts part, long lineShift)
        {
            Kind = part.Kind ?? Kind;
            Lines += part.Lines;
            Ignored += part.Ignored;
            if (part.Malformed > 0) AddMalformed(part.FirstMalformedLine + lineShift, part.FirstMalformedReason!, part.Malformed);
            if (part.TruncatedLine > 0) TruncatedLine = part.TruncatedLine + lineShift;
            NotInTimeWindow += part.NotInTimeWindow;
            WithoutTime += part.WithoutTime;
            if (part.EarliestOutside.HasValue) SeeOutside(part.EarliestOutside.Value, part.LatestOutside!.Value);
            if (part.AmbiguousTimes > 0) AddTimeProblem(true, part.FirstAmbiguousTimeLine + lineShift, part.FirstAmbiguousTime, part.AmbiguousTimes);
            if (part.UnreadableTimes > 0) AddTimeProblem(false, part.FirstUnreadableTimeLine + lineShift, part.FirstUnreadableTime, part.UnreadableTimes);
            if (part.UnreadableDateDirectives > 0)
            {
                AddUnreadableDateDirective(part.FirstUnreadableDateDirectiveLine + lineShift, part.FirstUnreadableDateDirective!, part.UnreadableDateDirectives);
            }
            UsesDirectiveDates |= part.UsesDirectiveDates;
            NoAddress += part.NoAddress;
            if (part.NotAnAddress > 0)
            {
                if (NotAnAddress == 0)
                {
                    FirstNotAnAddressLine = part.FirstNotAnAddressLine + lineShift;
                    FirstNotAnAddressField = part.FirstNotAnAddressField;
                    FirstNotAnAddressValue = part.FirstNotAnAddressValue;
                    FirstNotAnAddressError = part.FirstNotAnAddressError;
                }
                NotAnAddress += part.NotAnAddress;
            }
            Eop += part.Eop;
            NotEop += part.NotEop;
        }

        /// <summary>The verbose line: the counts, in an order that adds up.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "'{0}' ({1}): {2} lines read = {3} headers, comments or blank + {4} malformed + {5}{6} without an address + {7} not an address + {8} answered ({9} EOP, {10} not EOP).",
            Path, Kind ?? "no header", Lines, Ignored, Malformed,
            NotInTimeWindow > 0 ? NotInTimeWindow.ToString(CultureInfo.InvariantCulture) + " outside -Start/-End or without a time + " : string.Empty,
            NoAddress, NotAnAddress, Answered, Eop, NotEop);

        /// <summary>The one warning about malformed lines, or null when there were none.</summary>
        public Diagnostic? MalformedWarning()
        {
            if (Malformed == 0) return null;
            string text = string.Format(CultureInfo.InvariantCulture,
                "'{0}': skipped {1} malformed line{2}, the first on line {3} ({4}).",
                Path, Malformed, Malformed == 1 ? string.Empty : "s", FirstMalformedLine, FirstMalformedReason);
            if (TruncatedLine > 0) text += string.Format(CultureInfo.InvariantCulture, " The last line ({0}) is incomplete: the log was still being written.", TruncatedLine);
            return new Diagnostic("MalformedLogLines", text, Path);
        }

        /// <summary>The warning about times read two ways, or null when there were none.</summary>
        public Diagnostic? AmbiguousTimeWarning() => AmbiguousTimes == 0 ? null : new Diagnostic("AmbiguousLogTimes", string.Format(CultureInfo.InvariantCulture,
            "'{0}': {1} time{2} can be read two ways and {3} left empty, the first on line {4}: {5}. Give -Culture with the culture the file was written in.",
            Path, AmbiguousTimes, AmbiguousTimes == 1 ? string.Empty : "s", AmbiguousTimes == 1 ? "was" : "were", FirstAmbiguousTimeLine, FirstAmbiguousTime), Path);

        /// <summary>The warning about times that could not be read, or null when there were none.</summary>
        public Diagnostic? UnreadableTimeWarning() => UnreadableTimes == 0 ? null : new Diagnostic("UnreadableLogTimes", string.Format(CultureInfo.InvariantCulture,
            "'{0}': {1} time{2} could not be read and {3} left empty, the first on line {4}: {5}. Give -Culture with the culture the file was written in.",
            Path, UnreadableTimes, UnreadableTimes == 1 ? string.Empty : "s", UnreadableTimes == 1 ? "was" : "were", FirstUnreadableTimeLine, FirstUnreadableTime), Path);

        /// <summary>
        /// The warning about '#Date:' directives that do not read, for a file with a time but no date field (a file
        /// with a date field does not need them); null when there were none.
        /// </summary>
        public Diagnostic? UnreadableDateDirectiveWarning() => UnreadableDateDirectives == 0 || !UsesDirectiveDates ? null : new Diagnostic("UnreadableLogDateDirective",
            (UnreadableDateDirectives == 1 ? "The '#Date:' directive" : UnreadableDateDirectives.ToString(CultureInfo.InvariantCulture) + " '#Date:' directives, the first here,") +
            " could not be read as yyyy-MM-dd HH:mm:ss; the log has a time field but no date field, so its lines up to the next '#Date:' that reads have no time",
            Path, (int)Math.Min(FirstUnreadableDateDirectiveLine, int.MaxValue), FirstUnreadableDateDirective);

        /// <summary>
        /// The warning when -Start/-End (or times that could not be read) left out every line with data: otherwise no
        /// output reads as "nothing found". Null when a line was kept or none was left out.
        /// </summary>
        public Diagnostic? AllLeftOutWarning()
        {
            if (NotInTimeWindow == 0 || NoAddress + NotAnAddress + Answered > 0) return null;
            long outside = NotInTimeWindow - WithoutTime;
            string text = string.Format(CultureInfo.InvariantCulture, "'{0}': -Start/-End left out every line ({1}):", Path, NotInTimeWindow);
            if (outside > 0)
            {
                text += string.Format(CultureInfo.InvariantCulture, " {0} outside the window, with times from {1} to {2}", outside,
                    LogTimestamp.Show(EarliestOutside!.Value), LogTimestamp.Show(LatestOutside!.Value));
            }
            if (WithoutTime > 0)
            {
                text += string.Format(CultureInfo.InvariantCulture, "{0} {1} without a time that could be read", outside > 0 ? ";" : string.Empty, WithoutTime);
            }
            return new Diagnostic("AllLogLinesLeftOut", text + ". Nothing from this file is in the output.", Path);
        }

        /// <summary>The one warning about values that are not addresses, or null when there were none.</summary>
        public Diagnostic? NotAnAddressWarning()
        {
            if (NotAnAddress == 0) return null;
            return new Diagnostic("NotAnAddressInLog", string.Format(CultureInfo.InvariantCulture,
                "'{0}': {1} line{2} had an address field that is not an address, the first on line {3}: '{4}' in {5} ({6}).",
                Path, NotAnAddress, NotAnAddress == 1 ? string.Empty : "s", FirstNotAnAddressLine, FirstNotAnAddressValue, FirstNotAnAddressField, FirstNotAnAddressError), Path);
        }
    }
}
