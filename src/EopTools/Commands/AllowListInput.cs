using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using EopTools.AllowList;
using EopTools.Parsing;

namespace EopTools.Commands
{
    /// <summary>
    /// Allow-list entries from what admins pipe: strings, addresses, EopIpRange objects, Exchange's IPRange objects (also
    /// deserialized over remote PowerShell, where their text is what survives) and objects whose RemoteAddress or
    /// RemoteIPRanges property holds several. All text goes through <see cref="AllowListText"/>; each bad entry is a
    /// non-terminating error naming it, and the rest goes on.
    /// </summary>
    internal sealed class AllowListInput
    {
        public static readonly string[] ListPropertyNames = { "RemoteAddress", "RemoteIPRanges" };

        private readonly PSCmdlet _cmdlet;

        public AllowListInput(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>The entries read so far, in input order.</summary>
        public List<AllowListItem> Items { get; } = new List<AllowListItem>();

        /// <summary>How many entries were errors.</summary>
        public int Rejected { get; private set; }

        public void Read(object? input)
        {
            object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
            switch (value)
            {
                case null:
                    _cmdlet.WriteVerbose("Skipped an empty allow-list entry.");
                    return;
                case string text:
                    ReadText(text, input);
                    return;
                case EopIpRange range:
                    Items.Add(AllowListItem.ForRange(range));
                    return;
                case System.Net.IPAddress address:
                    ReadText(address.ToString(), input);
                    return;
            }

            PSObject properties = input as PSObject ?? PSObject.AsPSObject(value);
            foreach (string name in ListPropertyNames)
            {
                PSPropertyInfo? property = properties.Properties[name];
                if (property == null) continue;
                object? list = property.Value is PSObject listObject ? listObject.BaseObject : property.Value;
                if (list is IEnumerable entries && !(list is string)) ReadAll(entries);
                else Read(property.Value);
                return;
            }
            if (value is IEnumerable nested)
            {
                ReadAll(nested);
                return;
            }

            // Exchange's IPRange, live or deserialized: its text is the entry as Exchange shows and stores it.
            string shown = properties.ToString();
            if (AllowListText.TryParse(shown, out AllowListItem? item, out _))
            {
                Items.Add(item!);
                return;
            }
            Rejected++;
            _cmdlet.WriteError(new ErrorRecord(
                new System.ArgumentException("The input object (" + properties.TypeNames[0] + ") is not an allow-list entry: its text '" + shown +
                    "' is no address, range, CIDR prefix or firewall keyword, and it has no " + string.Join(" or ", ListPropertyNames) + " property."),
                "AllowListObjectNotRecognized", ErrorCategory.InvalidArgument, input));
        }

        private void ReadAll(IEnumerable entries)
        {
            foreach (object? entry in entries) Read(entry);
        }

        private void ReadText(string line, object? original)
        {
            // A list kept in a file has comments as Get-EopIpRange -Path reads them: '#' to the end of the line, and the
            // blanks before it with them.
            string text = PlainTextParser.StripComment(line);
            if (text.Length != line.Length) text = text.TrimEnd();
            if (string.IsNullOrWhiteSpace(text))
            {
                _cmdlet.WriteVerbose(text.Length == line.Length ? "Skipped an empty allow-list entry." : "Skipped a comment: '" + line + "'.");
                return;
            }
            if (AllowListText.TryParse(text, out AllowListItem? item, out string? error))
            {
                Items.Add(item!);
                return;
            }
            Rejected++;
            _cmdlet.WriteError(new ErrorRecord(
                new System.ArgumentException("'" + text + "' is not a valid allow-list entry: " + error + "."),
                "InvalidAllowListEntry", ErrorCategory.InvalidArgument, original));
        }
    }
}
