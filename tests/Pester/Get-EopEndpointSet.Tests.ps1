BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    $script:Quirks = Join-Path $Fixtures 'endpoints-quirks.json'
    # The quirks fixture skips four malformed sets, each with a warning; the tests that read it capture them here.
    function script:Get-QuirkSet {
        $sets = Get-EopEndpointSet -LiteralPath $Quirks @args -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 4
        $sets
    }
}

Describe 'Get-EopEndpointSet' {
    Context 'Listing' {
        It 'writes every well-formed set in the order published' {
            $sets = Get-QuirkSet
            $sets | Should -BeOfType ([EopTools.EopEndpointSet])
            $sets.Id | Should -Be @(1, 2, 10, 11, 20)
        }

        It 'warns about each malformed set, naming the file, the line and the set' {
            $null = Get-EopEndpointSet -LiteralPath $Quirks -WarningVariable warnings -WarningAction SilentlyContinue
            $file = [WildcardPattern]::Escape($Quirks)
            $warnings.Count | Should -Be 4
            $warnings[0].Message | Should -BeLike "${file}:59: endpoint set 30 *tcpPorts '443;80'*skipped"
            $warnings[1].Message | Should -BeLike "${file}:67: endpoint set 31 *required*skipped"
            $warnings[2].Message | Should -BeLike "${file}:75: *whole-number id*skipped"
            $warnings[3].Message | Should -BeLike "${file}:82: endpoint set 2 *twice*skipped"
        }

        It 'keeps the published port text beside the parsed ports' {
            $set = Get-QuirkSet -Id 2
            $set.TcpPorts | Should -Be '143, 587, 993, 995'
            $set.TcpPortRanges.First | Should -Be @(143, 587, 993, 995)
            (Get-QuirkSet -Id 20).TcpPortRanges | ForEach-Object { "$_" } | Should -Be @('1024-65535', '80')
        }

        It 'gives the IPs as EopIpRange objects that bind as CIDR strings' {
            $ips = (Get-QuirkSet -Id 1).Ips
            $ips | Should -BeOfType ([EopTools.EopIpRange])
            [string[]] $ips | Should -Be @('13.107.6.152/31', '198.51.100.0/25', '2603:1006::/40')
        }

        It 'shows the sets in 80 columns' {
            $rows = Get-FittedViewRow @(Get-QuirkSet) 80
            $rows | Should -Contain ' Id Category ServiceArea Required Ports Ips Urls'
            $rows | Should -Contain ' 1 Optimize Exchange True TCP 443,80 UDP 443 3 2'
            $rows | Should -Contain ' 11 Optimize Skype True UDP 3478-3481 2 0'
            $rows | Should -Contain ' 20 Default Common False TCP 1024-65535,80 0 2'
        }
    }

    Context 'Filters' {
        It 'selects by service area, with wildcards and without case' {
            (Get-QuirkSet -ServiceArea exch*).Id | Should -Be @(1, 2, 10)
            (Get-QuirkSet -ServiceArea Skype, Common).Id | Should -Be @(11, 20)
        }

        It 'selects by category and by id' {
            (Get-QuirkSet -Category Optimize).Id | Should -Be @(1, 11)
            (Get-QuirkSet -Id 20, 10).Id | Should -Be @(10, 20)
        }

        It 'selects by port, over TCP or UDP, alone or within a range' {
            (Get-QuirkSet -Port 443).Id | Should -Be @(1)
            (Get-QuirkSet -Port 3480).Id | Should -Be @(11, 20)
            (Get-QuirkSet -Port 993, 25).Id | Should -Be @(2, 10)
        }

        It 'selects the sets holding an address' {
            (Get-QuirkSet -IPAddress 198.51.100.200).Id | Should -Be @(2)
            (Get-QuirkSet -IPAddress '13.107.6.153', '[2001:db8:11::5]:3478').Id | Should -Be @(1, 2, 11)
        }

        It 'narrows the sets and their IPs to an address family' {
            $sets = Get-QuirkSet -AddressFamily IPv6
            $sets.Id | Should -Be @(1, 11)
            [string[]] $sets.Ips | Should -Be @('2603:1006::/40', '2001:db8:11::/48')
            (Get-QuirkSet -Id 1).Ips.Count | Should -Be 3
        }

        It 'combines the filters' {
            (Get-QuirkSet -ServiceArea Exchange -Category Allow -Port 25).Id | Should -Be @(10)
        }

        It 'lists nothing, with InvalidIPAddress, for an address that is not one' {
            $sets = Get-EopEndpointSet -LiteralPath $Quirks -IPAddress 13.107.6.153, 13.107.6 -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $sets | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidIPAddress,EopTools.Commands.GetEopEndpointSetCommand'
        }
    }

    Context 'Data without endpoint sets' {
        It 'says the embedded page has none, with NoEndpointSets' {
            Reset-EopSession
            { Get-EopEndpointSet -ErrorAction Stop -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'NoEndpointSets,EopTools.Commands.GetEopEndpointSetCommand' -ExpectedMessage "*embedded seed*carries no Microsoft 365 endpoint sets*"
        }

        It 'says so for each file without sets and still reads the others' {
            $sets = Get-EopEndpointSet -LiteralPath (Join-Path $Fixtures 'ranges.txt'), (Join-Path $Fixtures 'O365IPAddresses.xml'), (Join-Path $Fixtures 'endpoints.json') -ErrorVariable failures -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
            $failures.FullyQualifiedErrorId | Should -Be @('NoEndpointSets,EopTools.Commands.GetEopEndpointSetCommand', 'NoEndpointSets,EopTools.Commands.GetEopEndpointSetCommand')
            $failures[1].Exception.Message | Should -BeLike '*(LegacyXml) carries no Microsoft 365 endpoint sets*'
            $sets.Id | Should -Be @(1, 10, 12, 40)
            @($warnings.Message -like '*endpoints.json:18: malformed range in endpoint set 10*').Count | Should -Be 1
        }

        It 'lists the session''s sets once an answer is imported' {
            Reset-EopSession
            $null = Update-EopIpRange -Path $Quirks -WarningAction SilentlyContinue
            (Get-EopEndpointSet -Category Optimize).Id | Should -Be @(1, 11)
        }
    }

    Context 'The real answers' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:Real2022 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json'
            $script:Real2025 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-noipv6-2025/m365.json'
        }

        It 'lists 85 sets of 2022 and 63 of 2025, by service area' {
            $all = Get-EopEndpointSet -Path $Real2022
            $all.Count | Should -Be 85
            ($all | Group-Object ServiceArea | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Count)" }) | Should -Be @('Common 57', 'Exchange 9', 'SharePoint 7', 'Skype 12')
            (Get-EopEndpointSet -Path $Real2025 | Group-Object ServiceArea | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Count)" }) | Should -Be @('Common 45', 'Exchange 5', 'SharePoint 6', 'Skype 7')
        }

        It 'says NoEndpointSets for the real retired XML and docs page, naming each' {
            $files = @((Join-Path $SharedData 'endpoints-service/legacy-xml-2018/O365IPAddresses.xml'), (Join-Path $SharedData 'eop-page-history/eop-ip-addresses_2018-10-02_24f6d0e.md'))
            $sets = Get-EopEndpointSet -LiteralPath $files -ErrorVariable failures -ErrorAction SilentlyContinue
            $sets | Should -BeNullOrEmpty
            $failures.FullyQualifiedErrorId | Should -Be @('NoEndpointSets,EopTools.Commands.GetEopEndpointSetCommand', 'NoEndpointSets,EopTools.Commands.GetEopEndpointSetCommand')
            $failures[0].Exception.Message | Should -BeLike '*O365IPAddresses.xml*(LegacyXml) carries no Microsoft 365 endpoint sets*'
            $failures[1].Exception.Message | Should -BeLike '*eop-ip-addresses_2018-10-02_24f6d0e.md*(EopPage) carries no Microsoft 365 endpoint sets*'
        }

        It 'shows every set of both answers in 80 columns' {
            $rows = Get-FittedViewRow @(Get-EopEndpointSet -Path $Real2022, $Real2025) 80
            @($rows | Where-Object { $_ }).Count | Should -Be (2 + 85 + 63)
            $rows | Should -Contain ' 11 Optimize Skype True UDP 3478,3479,3480,3481 4 0'
            $rows | Should -Contain ' 1 Optimize Exchange True TCP 80,443 UDP 443 11 3'
        }

        It 'finds the Exchange Online sets on 443 with IPv4 of the 2025 answer' {
            $sets = Get-EopEndpointSet -ServiceArea Exchange -Port 443 -AddressFamily IPv4 -Path $Real2025
            $sets.Id | Should -Be @(1, 9)
            $sets[0].TcpPorts | Should -Be '80,443'
        }
    }
}
