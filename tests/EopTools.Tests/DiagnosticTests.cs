using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EopTools.Parsing;
using EopTools.Sources;
using EopTools.Update;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The one channel of what the module tells the admin without stopping: each diagnostic says what it is by a stable id.</summary>
    public sealed class DiagnosticTests
    {
        [Fact]
        public void EveryParseWarningCarriesTheIdOfItsProblemAndWhereItIs()
        {
            RangeData data = PlainTextParser.Parse("192.0.2.0/24\n192.0.2.0/24\n198.51.100.1/24\n", "list.txt");
            Assert.Equal(new[] { "RangeListedTwice 2 192.0.2.0/24", "MalformedRange 3 198.51.100.1/24" }, data.Diagnostics.Select(d => d.Id + " " + d.Line + " " + d.Text));
            Assert.All(data.Diagnostics, d => Assert.Equal("list.txt", d.Source));
        }

        [Fact]
        public void ReadsAsTheFileAndLineWhenItIsAboutALineElseAsItsMessage()
        {
            Assert.Equal("a.md:3: skipped: '10.0.0.0/33'", new Diagnostic("MalformedRange", "skipped", "a.md", 3, "10.0.0.0/33").ToString());
            Assert.Equal("a.md:3: never closed", new Diagnostic("CodeFenceNotClosed", "never closed", "a.md", 3).ToString());
            Assert.Equal("The cache is old.", new Diagnostic("CachedRangesStale", "The cache is old.", "/cache/ranges.cache").ToString());
        }

        [Fact]
        public void KeepsItsIdAndPlaceWhenTheCallerSaysWhatItDoesAboutIt()
        {
            Diagnostic passedOver = new Diagnostic("CacheFileUnusable", "It cannot be used.", "/cache/ranges.cache").Then("Using the embedded seed instead.");
            Assert.Equal("CacheFileUnusable", passedOver.Id);
            Assert.Equal("/cache/ranges.cache", passedOver.Source);
            Assert.Equal("It cannot be used. Using the embedded seed instead.", passedOver.ToString());
        }

        [Fact]
        public void AnImportPassesOnTheFilesWarningsWithTheirIds()
        {
            using (var folder = new TempFolder())
            {
                var warnings = new List<Diagnostic>();
                RangeUpdater.Import(new CacheStore(folder.PathOf("cache")), EopInstance.Worldwide, TestPaths.Fixture("endpoints.json"), force: false,
                    new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), (target, action) => true, warnings);
                Diagnostic warning = Assert.Single(warnings);
                Assert.Equal("MalformedRange", warning.Id);
                Assert.Equal(18, warning.Line);
                Assert.Equal(TestPaths.Fixture("endpoints.json"), warning.Source);
            }
        }

        [Fact]
        public void ACacheFileThatCannotBeUsedIsPassedOverByItsId()
        {
            using (var folder = new TempFolder())
            {
                string directory = folder.PathOf("cache");
                Directory.CreateDirectory(directory);
                var cache = new CacheStore(directory);
                File.WriteAllText(cache.FilePath, "not a cache\n");
                var problems = new List<Diagnostic>();
                Assert.Null(cache.Load(null, problems));
                Diagnostic problem = Assert.Single(problems);
                Assert.Equal("CacheFileUnusable", problem.Id);
                Assert.Equal(cache.FilePath, problem.Source);
            }
        }
    }
}
