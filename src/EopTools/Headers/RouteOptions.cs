using System;
using System.Collections.Generic;
using EopTools.Ranges;

namespace EopTools.Headers
{
    /// <summary>
    /// What the admin says about the organisation: its own servers (names, "*.suffix" patterns, addresses or prefixes),
    /// the addresses of its inbound connectors, and its accepted domains. Parsed strictly: a value that is neither a
    /// host name nor exactly an address or prefix is refused with the reason.
    /// </summary>
    internal sealed class RouteOptions
    {
        public static readonly RouteOptions None = new RouteOptions();

        private readonly List<string> _serverNames = new List<string>();
        private readonly List<string> _serverSuffixes = new List<string>();
        private readonly List<IpPrefix> _serverPrefixes = new List<IpPrefix>();
        private readonly List<IpPrefix> _connectorPrefixes = new List<IpPrefix>();
        private readonly HashSet<string> _acceptedDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public bool HasOrganizationServers => _serverNames.Count + _serverSuffixes.Count + _serverPrefixes.Count > 0;

        public bool HasAcceptedDomains => _acceptedDomains.Count > 0;

        /// <summary>Adds an organisation server; false with the reason when the value is neither a name nor an address or prefix.</summary>
        public bool TryAddOrganizationServer(string value, out string? error)
        {
            string text = value.Trim();
            if (LooksLikeAddress(text))
            {
                if (!IpText.TryParsePrefix(text, allowBareAddress: true, out IpPrefix prefix, out error)) return false;
                _serverPrefixes.Add(prefix);
                return true;
            }
            bool pattern = text.StartsWith("*.", StringComparison.Ordinal);
            string name = pattern ? text.Substring(2) : text;
            if (!IsHostName(name))
            {
                error = "it is neither a host name (or *.suffix) nor an address or prefix";
                return false;
            }
            if (pattern) _serverSuffixes.Add("." + name);
            else _serverNames.Add(name);
            error = null;
            return true;
        }

        public bool TryAddConnectorAddress(string value, out string? error)
        {
            if (!IpText.TryParsePrefix(value.Trim(), allowBareAddress: true, out IpPrefix prefix, out error)) return false;
            _connectorPrefixes.Add(prefix);
            return true;
        }

        public bool TryAddAcceptedDomain(string value, out string? error)
        {
            string name = value.Trim().TrimEnd('.');
            if (!IsHostName(name) || name.IndexOf('.') < 0)
            {
                error = "it is not a domain name";
                return false;
            }
            _acceptedDomains.Add(name);
            error = null;
            return true;
        }

        public bool IsOrganizationServerName(string? host)
        {
            if (string.IsNullOrEmpty(host)) return false;
            string name = host!.TrimEnd('.');
            foreach (string server in _serverNames)
            {
                if (string.Equals(server, name, StringComparison.OrdinalIgnoreCase)) return true;
            }
            foreach (string suffix in _serverSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        public bool IsOrganizationServerAddress(IpAddressValue? address) => address.HasValue && AnyContains(_serverPrefixes, address.Value);

        public bool IsConnectorAddress(IpAddressValue? address) => address.HasValue && AnyContains(_connectorPrefixes, address.Value);

        public bool IsAcceptedDomain(string domain) => _acceptedDomains.Contains(domain);

        private static bool AnyContains(List<IpPrefix> prefixes, IpAddressValue address)
        {
            foreach (IpPrefix prefix in prefixes)
            {
                if (prefix.Contains(address)) return true;
            }
            return false;
        }

        /// <summary>Digits and dots, or a colon: meant as an address, so parsed as one (never read as a name).</summary>
        private static bool LooksLikeAddress(string text)
        {
            if (text.IndexOf(':') >= 0 || text.IndexOf('/') >= 0) return true;
            foreach (char c in text)
            {
                if (!(char.IsDigit(c) || c == '.')) return false;
            }
            return text.Length > 0;
        }

        internal static bool IsHostName(string name)
        {
            if (name.Length == 0 || name.Length > 253) return false;
            foreach (string label in name.Split('.'))
            {
                if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-') return false;
                foreach (char c in label)
                {
                    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
                }
            }
            return true;
        }
    }
}
