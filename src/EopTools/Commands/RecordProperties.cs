using System;
using System.Management.Automation;
using System.Reflection;

namespace EopTools.Commands
{
    /// <summary>
    /// Reads a record's properties by name, cheaply when the name is absent. Through PSObject.Properties a miss costs
    /// more than testing the address (it asks the adapter and copies the type table's members), and the known names are
    /// mostly misses. Records from Import-Csv, ConvertFrom-Csv, [pscustomobject] and remoting hold their properties as
    /// the PSObject's own (instance) members, which PowerShell 5.1 and 7 keep in an internal collection: those are
    /// looked up there directly when this PowerShell has it, else through PSObject.Properties.
    /// </summary>
    internal readonly struct RecordProperties
    {
        private static readonly Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? InstanceMembers = FindInstanceMembers();

        private readonly PSObject _record;
        private readonly PSMemberInfoCollection<PSMemberInfo>? _own;

        public RecordProperties(PSObject record)
        {
            _record = record;
            _own = InstanceMembers != null && record.BaseObject is PSCustomObject ? InstanceMembers(record) : null;
        }

        /// <summary>True when the record's properties are read from its own members only (a custom object).</summary>
        public bool OwnMembersOnly => _own != null;

        public PSPropertyInfo? this[string name] => _own != null ? _own[name] as PSPropertyInfo : _record.Properties[name];

        /// <summary>The same record read through PSObject.Properties, which also sees type-table members.</summary>
        public RecordProperties WithAllMembers() => new RecordProperties(_record, own: null);

        private RecordProperties(PSObject record, PSMemberInfoCollection<PSMemberInfo>? own)
        {
            _record = record;
            _own = own;
        }

        private static Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? FindInstanceMembers()
        {
            MethodInfo? getter = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic)?.GetGetMethod(nonPublic: true);
            if (getter == null || !typeof(PSMemberInfoCollection<PSMemberInfo>).IsAssignableFrom(getter.ReturnType)) return null;
            return (Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>)Delegate.CreateDelegate(typeof(Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>), getter);
        }
    }
}
