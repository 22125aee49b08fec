using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using EopTools.Headers;
using EopTools.Index;

namespace EopTools.Commands
{
    /// <summary>
    /// Test-EopMessageHeader: reads message headers (.eml, mbox, Outlook's Internet headers text, piped text, Graph
    /// messages) and answers per message how it entered Microsoft 365 or the organisation, hop by hop, with the stamps.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "EopMessageHeader", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(EopMessageHeaderResult))]
    public sealed class TestEopMessageHeaderCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string InputObjectSet = "InputObject";
        private const string PipelineSource = "(pipeline)";

        /// <summary>The properties a record's header text or Graph header list is read from, in order.</summary>
        private static readonly string[] HeaderProperties = { "InternetMessageHeaders", "Headers", "MessageHeaders", "TransportMessageHeaders", "RawHeaders", "Header" };

        // Lines piped one by one (Get-Content, Get-Clipboard without -Raw): one message, read when the lines end.
        private readonly StringBuilder _lines = new StringBuilder();
        private readonly List<object> _lineInputs = new List<object>();
        private RouteAnalyzer _analyzer = null!;
        private int _messages;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Header text, Graph messages, records with a header property, or files (Get-ChildItem).</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [AllowEmptyString]
        public object?[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>The organisation's own mail servers: host names, *.suffix patterns, addresses or prefixes.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? OrganizationServer { get; set; }

        /// <summary>The addresses or prefixes of the organisation's inbound connectors (gateways, partners, devices).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("ConnectorIP")]
        public string[]? ConnectorIPAddress { get; set; }

        /// <summary>The organisation's accepted domains, for Direct Send; else the recipient's domain.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AcceptedDomain { get; set; }

        protected override void BeginProcessing()
        {
            var options = new RouteOptions();
            Add(OrganizationServer, options.TryAddOrganizationServer, "OrganizationServer");
            Add(ConnectorIPAddress, options.TryAddConnectorAddress, "ConnectorIPAddress");
            Add(AcceptedDomain, options.TryAddAcceptedDomain, "AcceptedDomain");
            _analyzer = new RouteAnalyzer(RangeSource.Session(this), options);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != InputObjectSet)
            {
                bool literal = ParameterSetName == LiteralPathSet;
                foreach (InputFile file in InputFiles.Resolve(this, literal ? LiteralPath : Path, literal, "Message"))
                {
                    if (file.Error != null) WriteError(file.Error);
                    else ReadFile(file.FullPath!, null);
                }
                return;
            }
            foreach (object? item in InputObject ?? new object?[] { null })
            {
                object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
                if (value is string line && line.IndexOf('\n') < 0 && line.IndexOf('\r') < 0)
                {
                    _lines.Append(line).Append('\n');
                    _lineInputs.Add(item!);
                    continue;
                }
                ReadLines();
                switch (value)
                {
                    case null:
                        WriteVerbose("Skipped an empty input.");
                        break;
                    case string text:
                        ReadText(text, PipelineSource, item);
                        break;
                    case FileInfo file:
                        ReadFile(file.FullName, item);
                        break;
                    default:
                        ReadRecord(item as PSObject ?? PSObject.AsPSObject(item));
                        break;
                }
            }
        }

        protected override void EndProcessing()
        {
            ReadLines();
            WriteVerbose("Read the headers of " + _messages + " messages.");
        }

        private void ReadLines()
        {
            if (_lineInputs.Count == 0) return;
            string text = _lines.ToString();
            object input = _lineInputs.Count == 1 ? _lineInputs[0] : _lineInputs.ToArray();
            _lines.Clear();
            _lineInputs.Clear();
            if (text.Trim().Length == 0)
            {
                WriteVerbose("Skipped input lines that hold no text.");
                return;
            }
            ReadText(text, PipelineSource, input);
        }

        private void ReadFile(string path, object? inputObject)
        {
            string text;
            try
            {
                text = HeaderFileReader.ReadHeaderText(path);
            }
            catch (HeaderReadException e)
            {
                WriteError(ErrorRecords.For(e, path));
                return;
            }
            ReadText(text, path, inputObject);
        }

        private void ReadText(string text, string source, object? inputObject)
        {
            HeaderBlock block;
            try
            {
                block = HeaderBlock.Parse(text, source == PipelineSource ? "The input text" : "'" + source + "'");
            }
            catch (HeaderReadException e)
            {
                WriteError(ErrorRecords.For(e, inputObject ?? source));
                return;
            }
            _messages++;
            WriteObject(_analyzer.Analyze(block, source, inputObject));
        }

        /// <summary>A Graph message (InternetMessageHeaders: name and value pairs) or a record whose property holds the header text.</summary>
        private void ReadRecord(PSObject record)
        {
            var properties = new RecordProperties(record);
            foreach (string name in HeaderProperties)
            {
                PSPropertyInfo? property = properties[name] ?? (properties.OwnMembersOnly ? properties.WithAllMembers()[name] : null);
                object? value = property?.Value is PSObject wrapped ? wrapped.BaseObject : property?.Value;
                if (value == null) continue;
                if (value is string text)
                {
                    ReadText(text, PipelineSource, record);
                    return;
                }
                if (value is IEnumerable pairs)
                {
                    string? joined = HeaderPairs(pairs, out string? problem);
                    if (joined != null)
                    {
                        ReadText(joined, PipelineSource, record);
                        return;
                    }
                    WriteError(new ErrorRecord(new ArgumentException("The input's " + property!.Name + " is not a list of headers: " + problem + "."),
                        "InputObjectHasNoHeaders", ErrorCategory.InvalidData, record));
                    return;
                }
            }
            WriteError(new ErrorRecord(
                new ArgumentException("The input object has no message headers: it is not text or a file, and has none of the properties " + string.Join(", ", HeaderProperties) +
                    " (for a Graph message, ask for them: Get-MgUserMessage -Property internetMessageHeaders)."),
                "InputObjectHasNoHeaders", ErrorCategory.InvalidArgument, record));
        }

        /// <summary>Name and value pairs (Graph SDK objects, or hashtables from Invoke-MgGraphRequest) as header text; null with the problem when they are not.</summary>
        private static string? HeaderPairs(IEnumerable pairs, out string? problem)
        {
            var text = new StringBuilder();
            int count = 0;
            foreach (object? pair in pairs)
            {
                string? name = Member(pair, "Name"), value = Member(pair, "Value");
                if (name == null)
                {
                    problem = "item " + (count + 1) + " has no Name";
                    return null;
                }
                // A value with line breaks is folded, so that each of its lines stays part of this header.
                text.Append(name).Append(": ").Append((value ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\n ")).Append('\n');
                count++;
            }
            problem = count == 0 ? "it is empty" : null;
            return count == 0 ? null : text.ToString();
        }

        private static string? Member(object? pair, string name)
        {
            object? value = pair is PSObject wrapped ? wrapped.BaseObject : pair;
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase)) return entry.Value?.ToString();
                }
                return null;
            }
            return value == null ? null : PSObject.AsPSObject(pair).Properties[name]?.Value?.ToString();
        }

        private void Add(string[]? values, TryAdd add, string parameter)
        {
            if (values == null) return;
            foreach (string value in values)
            {
                if (add(value, out string? error)) continue;
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-" + parameter + " '" + value + "' is not valid: " + error + "."),
                    "Invalid" + parameter, ErrorCategory.InvalidArgument, value));
            }
        }

        private delegate bool TryAdd(string value, out string? error);
    }
}
