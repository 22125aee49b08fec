using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using EopTools.Logs;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Commands
{
    /// <summary>
    /// A -Summary row as Merge-EopLogSummary takes it: an EopLogSummary, or its property bag after PowerShell's
    /// serialization (Deserialized.EopTools.EopLogSummary from remoting, a job or Import-Clixml), read by property name.
    /// </summary>
    internal static class LogSummaryInput
    {
        /// <summary>The row, or why it is not one (the property and its value).</summary>
        public static LogSummaryRow? Read(PSObject input, out string? problem)
        {
            problem = null;
            string computer = Text(input, "PSComputerName") ?? string.Empty;
            if (input.BaseObject is EopLogSummary live)
            {
                IpAddressValue? liveAddress = live.IPAddress == null ? (IpAddressValue?)null : IpAddressValue.FromIPAddress(live.IPAddress);
                return new LogSummaryRow(live.Remote, liveAddress, live.Lines, live.Sessions, live.FirstSeen, live.LastSeen, live.HostNames, live.Path, computer);
            }
            string? remote = Text(input, "Remote");
            if (string.IsNullOrEmpty(remote))
            {
                problem = "it has no Remote property (a row of Search-EopLog -Summary has one)";
                return null;
            }
            IpAddressValue? address = null;
            object? isAddress = Value(input, "IsAddress");
            if (isAddress == null || LanguagePrimitives.IsTrue(isAddress))
            {
                if (AddressInput.TryParse(remote!, out IpAddressValue parsed, out string? error)) address = parsed;
                else if (isAddress != null)
                {
                    problem = "its Remote '" + remote + "' is not an address (" + error + ") though its IsAddress is true";
                    return null;
                }
            }
            if (!TryCount(input, "Lines", out long lines, ref problem) || !TryCount(input, "Sessions", out long sessions, ref problem) ||
                !TryTime(input, "FirstSeen", out DateTime? first, ref problem) || !TryTime(input, "LastSeen", out DateTime? last, ref problem))
            {
                return null;
            }
            if (first.HasValue != last.HasValue || first > last)
            {
                problem = "its FirstSeen and LastSeen are not a first and a last time";
                return null;
            }
            return new LogSummaryRow(remote!, address, lines, sessions, first, last, Texts(input, "HostNames"), Texts(input, "Path"), computer);
        }

        private static object? Value(PSObject input, string name)
        {
            object? value = input.Properties[name]?.Value;
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }

        private static string? Text(PSObject input, string name) => Value(input, name)?.ToString();

        private static bool TryCount(PSObject input, string name, out long count, ref string? problem)
        {
            object? value = Value(input, name);
            count = 0;
            if (value != null && LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out count) && count >= 0) return true;
            problem = "its " + name + " '" + value + "' is not a count";
            return false;
        }

        private static bool TryTime(PSObject input, string name, out DateTime? time, ref string? problem)
        {
            object? value = Value(input, name);
            time = null;
            if (value == null) return true;
            if (LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out DateTime parsed))
            {
                time = parsed.Kind == DateTimeKind.Local ? parsed.ToUniversalTime() : parsed;
                return true;
            }
            problem = "its " + name + " '" + value + "' is not a time";
            return false;
        }

        /// <summary>A list property's values: a list, or the one string Export-Csv writes (values joined by "; ").</summary>
        private static IReadOnlyList<string> Texts(PSObject input, string name)
        {
            object? value = Value(input, name);
            var texts = new List<string>();
            if (value is string joined)
            {
                foreach (string text in joined.Split(new[] { EopList<string>.Separator }, StringSplitOptions.RemoveEmptyEntries)) texts.Add(text);
            }
            else if (value is IEnumerable values)
            {
                foreach (object? item in values)
                {
                    string? text = (item is PSObject wrapped ? wrapped.BaseObject : item)?.ToString();
                    if (!string.IsNullOrEmpty(text)) texts.Add(text!);
                }
            }
            return texts;
        }
    }
}
