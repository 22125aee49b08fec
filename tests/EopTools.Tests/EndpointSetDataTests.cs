using System.Linq;
using EopTools.Parsing;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The endpoint sets of the two real /endpoints answers in ../shared/data/endpoints-service, read in place.</summary>
    [Trait("Category", "SharedData")]
    public class EndpointSetDataTests
    {
        internal const string Full2022 = "endpoints-worldwide-2022/microsoft365-worldwide.json";
        internal const string NoIPv6Of2025 = "endpoints-worldwide-noipv6-2025/m365.json";

        internal static RangeData Read(string file) => TestPaths.ReadShared("endpoints-service", file);

        [Theory]
        [InlineData(Full2022, 85, "Common 57, Exchange 9, SharePoint 7, Skype 12", 259, 252)]
        [InlineData(NoIPv6Of2025, 63, "Common 45, Exchange 5, SharePoint 6, Skype 7", 51, 199)]
        public void KeepsEverySetOfTheRealAnswers(string file, int sets, string byServiceArea, int ips, int urls)
        {
            RangeData data = Read(file);
            Assert.Equal(sets, data.EndpointSets!.Count);
            Assert.Equal(byServiceArea, string.Join(", ", data.EndpointSets.GroupBy(s => s.ServiceArea).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count())));
            Assert.Equal(ips, data.EndpointSets.Sum(s => s.Ips.Count));
            Assert.Equal(urls, data.EndpointSets.Sum(s => s.Urls.Count));
            Assert.Empty(data.Diagnostics);
        }

        [Fact]
        public void ReadsTheSetsOfThe2022AnswerWithTheirCategoriesAndPorts()
        {
            RangeData data = Read(Full2022);
            Assert.Equal(new[] { 1, 11, 31 }, data.EndpointSets!.Where(s => s.Category == "Optimize").Select(s => s.Id));
            Assert.Equal(new[] { 1, 2, 5, 6, 9, 10, 11, 12, 13, 22, 31, 46, 56, 64, 65 }, data.EndpointSets!.Where(s => s.Ips.Count > 0).Select(s => s.Id));
            EopEndpointSet teams = data.EndpointSets!.Single(s => s.Id == 11);
            Assert.Equal(("Skype", "Skype for Business Online and Microsoft Teams", null, "3478,3479,3480,3481"), (teams.ServiceArea, teams.ServiceAreaDisplayName, teams.TcpPorts, teams.UdpPorts));
            Assert.Equal(new[] { 3478, 3479, 3480, 3481 }, teams.UdpPortRanges.Select(p => p.First));
            Assert.Empty(teams.Urls);
            Assert.Equal(new[] { 143, 993 }, data.EndpointSets!.Single(s => s.Id == 5).TcpPortRanges.Select(p => p.First));
            Assert.Equal(new[] { "*.mail.protection.outlook.com" }, data.EndpointSets!.Single(s => s.Id == 10).Urls);
        }

        [Fact]
        public void ReadsTheFreeTextPortsAndBlankNotesOfThe2025Answer()
        {
            RangeData data = Read(NoIPv6Of2025);
            EopEndpointSet imap = data.EndpointSets!.Single(s => s.Id == 2);
            Assert.Equal("143, 587, 993, 995", imap.TcpPorts);
            Assert.Equal(new[] { 143, 587, 993, 995 }, imap.TcpPortRanges.Select(p => p.First));
            Assert.Equal(new[] { 443, 80 }, data.EndpointSets!.Single(s => s.Id == 47).TcpPortRanges.Select(p => p.First));
            Assert.Null(data.EndpointSets!.Single(s => s.Id == 193).Notes);
            Assert.Equal(new[] { 1, 12, 31, 47, 184, 193 }, data.EndpointSets!.Where(s => s.UdpPorts == "443").Select(s => s.Id));
            Assert.Contains("autodiscover.*.onmicrosoft.com", data.EndpointSets!.SelectMany(s => s.Urls));
            Assert.DoesNotContain(data.EndpointSets!.SelectMany(s => s.Ips), r => r.AddressFamily == IPAddressFamily.IPv6);
        }
    }
}
