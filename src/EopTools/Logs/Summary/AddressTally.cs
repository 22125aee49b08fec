using System;
using System.Collections.Generic;
using System.Text;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>What the logs say about one address (or one value that is not an address): grows with nothing but it.</summary>
    internal sealed class AddressTally
    {
        /// <summary>Enough names to recognise a sender; a host that announces more is not one mail server.</summary>
        public const int MaxHostNames = 16;

        /// <param name="address">The address; the default value for a value that is not an address.</param>
        public AddressTally(IpAddressValue address, EopAnswer answer)
        {
            Address = address;
            Answer = answer;
        }

        public IpAddressValue Address { get; }

        public EopAnswer Answer { get; }

        public long Lines { get; private set; }

        public long Sessions { get; private set; }

        public DateTime? FirstSeen { get; private set; }

        public DateTime? LastSeen { get; private set; }

        public List<string>? HostNames { get; private set; }

        /// <summary>The indexes of the files it was seen in, ascending once merged in file order.</summary>
        public List<int> Files { get; } = new List<int>(1);

        public void AddLine(DateTime? time, bool opensSession)
        {
            Lines++;
            if (opensSession) Sessions++;
            if (time.HasValue) AddTimes(time.Value, time.Value);
        }

        /// <summary>The name in text[start..end) (UTF-8), unless it is known (in any case) or there are enough.</summary>
        public void AddHostName(byte[] text, int start, int end)
        {
            if (HostNames != null)
            {
                foreach (string known in HostNames)
                {
                    if (SameAsciiName(known, text, start, end)) return;
                }
            }
            AddHostName(Encoding.UTF8.GetString(text, start, end - start));
        }

        /// <summary>The name, unless it is known (in any case) or there are enough: the first names seen are kept.</summary>
        public void AddHostName(string name)
        {
            List<string> names = HostNames ??= new List<string>(1);
            foreach (string known in names)
            {
                if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) return;
            }
            if (names.Count < MaxHostNames) names.Add(name);
        }

        /// <summary>A quick match for the usual ASCII name; a name with other letters is compared once decoded.</summary>
        private static bool SameAsciiName(string known, byte[] text, int start, int end)
        {
            if (known.Length != end - start) return false;
            for (int i = 0; i < known.Length; i++)
            {
                int a = known[i], b = text[start + i];
                if (a == b) continue;
                int lower = a | 0x20;
                if (lower < 'a' || lower > 'z' || lower != (b | 0x20)) return false;
            }
            return true;
        }

        /// <summary>Adds the counts and times of another summary of the same address (its host names and files apart).</summary>
        public void AddCounts(long lines, long sessions, DateTime? firstSeen, DateTime? lastSeen)
        {
            Lines += lines;
            Sessions += sessions;
            if (firstSeen.HasValue) AddTimes(firstSeen.Value, lastSeen ?? firstSeen.Value);
        }

        /// <summary>Adds another file's tally of the same address (files are merged in order).</summary>
        public void Merge(AddressTally other)
        {
            AddCounts(other.Lines, other.Sessions, other.FirstSeen, other.LastSeen);
            if (other.HostNames != null)
            {
                foreach (string name in other.HostNames) AddHostName(name);
            }
            foreach (int file in other.Files)
            {
                if (Files.Count == 0 || Files[Files.Count - 1] != file) Files.Add(file);
            }
        }

        private void AddTimes(DateTime first, DateTime last)
        {
            if (!FirstSeen.HasValue || first < FirstSeen.Value) FirstSeen = first;
            if (!LastSeen.HasValue || last > LastSeen.Value) LastSeen = last;
        }
    }
}
