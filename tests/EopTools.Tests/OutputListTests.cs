using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// Every collection an output type holds writes its values in a string (Export-Csv calls ToString() on each
    /// property), never its type's name: found by reflection, so a collection property added later is held to it too.
    /// </summary>
    public sealed class OutputListTests
    {
        private static readonly Type[] OutputTypes = typeof(EopIpRange).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "EopTools" && t.IsClass && !t.IsGenericTypeDefinition && !t.Name.EndsWith("Command", StringComparison.Ordinal))
            .Where(t => !typeof(IEnumerable).IsAssignableFrom(t) && !typeof(Exception).IsAssignableFrom(t))
            .ToArray();

        [Fact]
        public void TheOutputTypesAreFound()
        {
            Assert.Subset(
                OutputTypes.ToHashSet(),
                new[] { typeof(EopIpRange), typeof(EopIpTestResult), typeof(EopAllowListEntry), typeof(EopLogRecord), typeof(EopLogSummary), typeof(EopRangeChange), typeof(EopRangeUpdate), typeof(EopDataSet) }.ToHashSet());
        }

        [Fact]
        public void EveryCollectionPropertyOfEveryOutputTypeWritesItsValuesInAString()
        {
            var collections = OutputTypes
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))
                .ToList();
            Assert.Contains(collections, p => p.DeclaringType == typeof(EopAllowListEntry) && p.Name == nameof(EopAllowListEntry.AddressesToAdd));
            Assert.Contains(collections, p => p.DeclaringType == typeof(EopLogSummary) && p.Name == nameof(EopLogSummary.Path));
            Assert.Contains(collections, p => p.DeclaringType == typeof(EopLogRecord) && p.Name == nameof(EopLogRecord.Values));
            Assert.Empty(collections
                .Where(p => p.PropertyType.IsInterface || p.PropertyType.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType!.Assembly != typeof(EopIpRange).Assembly)
                .Select(p => p.DeclaringType!.Name + "." + p.Name + " (" + p.PropertyType + ")"));
        }

        [Fact]
        public void AListIsItsValuesJoinedBySemicolonAndSpace()
        {
            Assert.Equal("40.92.0.0/15; 2a01:111:f400::/48", EopList<string>.Of(new[] { "40.92.0.0/15", "2a01:111:f400::/48" }).ToString());
            Assert.Equal("Americas; EMEA", EopList<EopRegion>.Of(new[] { EopRegion.Americas, EopRegion.EMEA }).ToString());
            Assert.Equal(string.Empty, EopList<string>.Of(null).ToString());
            Assert.Same(EopList<string>.Empty, EopList<string>.Of(new string[0]));
        }

        [Fact]
        public void ALinesValuesAreNameEqualsValueJoinedLikeAList()
        {
            var values = new EopLogValues(2) { ["c-ip"] = "40.92.1.1", ["cs-method"] = "GET" };
            Assert.Equal("c-ip=40.92.1.1; cs-method=GET", values.ToString());
            Assert.Equal("GET", values["CS-METHOD"]);
        }
    }
}
