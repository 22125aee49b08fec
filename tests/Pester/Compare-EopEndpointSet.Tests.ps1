BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    $script:Quirks = Join-Path $Fixtures 'endpoints-quirks.json'
    $script:Older = Join-Path $TestDrive 'older.json'
    Set-Content -LiteralPath $Older -Value @'
[
  {"id": 10, "serviceArea": "Exchange", "ips": ["192.0.2.0/24"], "urls": ["*.mail.protection.outlook.com"], "tcpPorts": "25", "category": "Allow", "required": true, "expressRoute": true},
  {"id": 1, "serviceArea": "Exchange", "ips": ["13.107.6.152/31", "198.51.100.0/24", "2603:1006::/40"], "urls": ["outlook.office.com"], "tcpPorts": "80, 443", "udpPorts": "443", "category": "Optimize", "required": true, "expressRoute": true},
  {"id": 40, "serviceArea": "Common", "urls": ["old.example.com"], "tcpPorts": "443", "category": "Default", "required": true}
]
'@
}

Describe 'Compare-EopEndpointSet' {
    Context 'Changes' {
        It 'writes the sets added, removed and changed, by id, with what changed in each' {
            $changes = Compare-EopEndpointSet -ReferencePath $Older -DifferencePath $Quirks -WarningAction SilentlyContinue
            ($changes | ForEach-Object { "$_" }) | Should -Be @('Changed set 1 (Exchange): Ips; Urls', 'Added set 2 (Exchange)', 'Added set 11 (Skype)', 'Added set 20 (Common)', 'Removed set 40 (Common)')
            $changes[0].AddressesRemoved | Should -Be @('198.51.100.128/25')
            $changes[0].UrlsAdded | Should -Be @('*.outlook.com')
            $changes[0].ReferenceSet.TcpPorts | Should -Be '80, 443'
            $changes[0].DifferenceSet.TcpPorts | Should -Be '443,80'
            $changes[4].UrlsRemoved | Should -Be @('old.example.com')
        }

        It 'compares with the session''s answer when no difference is given' {
            Reset-EopSession
            $null = Update-EopIpRange -Path $Quirks -WarningAction SilentlyContinue
            (Compare-EopEndpointSet $Older).Id | Should -Be @(1, 2, 11, 20, 40)
        }

        It 'shows the changes in 80 columns' {
            $rows = Get-FittedViewRow @(Compare-EopEndpointSet $Older $Quirks -WarningAction SilentlyContinue) 80
            $rows | Should -Contain 'Change Id ServiceArea Category Properties'
            $rows | Should -Contain 'Changed 1 Exchange Optimize Ips, Urls'
            $rows | Should -Contain 'Removed 40 Common Default'
        }

        It 'writes its lists joined by "; " in Export-Csv' {
            $csv = Compare-EopEndpointSet $Older $Quirks -WarningAction SilentlyContinue | Select-Object -First 1 | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
            $csv.Properties | Should -Be 'Ips; Urls'
            $csv.UrlsAdded | Should -Be '*.outlook.com'
        }
    }

    Context 'Unlike data' {
        It 'refuses answers of two instances with EndpointSetsOfAnotherInstance, even for IPv4 only' {
            { Compare-EopEndpointSet (Join-Path $Fixtures 'endpoints.json') (Join-Path $Fixtures 'endpoints-usgov.json') -IPv4Only -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'EndpointSetsOfAnotherInstance,EopTools.Commands.CompareEopEndpointSetCommand'
        }

        It 'refuses an answer without IPv6 against one with it, with EndpointSetsWithoutIPv6, unless -IPv4Only' {
            $noIPv6 = Join-Path $TestDrive 'noipv6.json'
            Set-Content -LiteralPath $noIPv6 -Value '[{"id": 10, "serviceArea": "Exchange", "ips": ["192.0.2.0/24"], "urls": ["*.mail.protection.outlook.com"], "tcpPorts": "25", "category": "Allow", "required": true, "expressRoute": true}, {"id": 1, "serviceArea": "Exchange", "ips": ["13.107.6.152/31", "198.51.100.0/24"], "urls": ["outlook.office.com"], "tcpPorts": "443,80", "udpPorts": "443", "category": "Optimize", "required": true, "expressRoute": true}]'
            { Compare-EopEndpointSet $Older $noIPv6 } | Should -Throw -ErrorId 'EndpointSetsWithoutIPv6,EopTools.Commands.CompareEopEndpointSetCommand'
            ("$(Compare-EopEndpointSet $Older $noIPv6 -IPv4Only)") | Should -Be 'Removed set 40 (Common)'
        }

        It 'says NoEndpointSets for data without sets' {
            { Compare-EopEndpointSet (Join-Path $Fixtures 'ranges.txt') $Older -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'NoEndpointSets,EopTools.Commands.CompareEopEndpointSetCommand'
        }

        It 'needs a reference, given one way' {
            { Compare-EopEndpointSet -DifferencePath $Older } | Should -Throw -ErrorId 'ReferenceMissing,EopTools.Commands.CompareEopEndpointSetCommand'
            { Compare-EopEndpointSet -ReferencePath $Older -ReferenceLiteralPath $Older } | Should -Throw -ErrorId 'ReferenceGivenTwice,EopTools.Commands.CompareEopEndpointSetCommand'
        }
    }

    Context 'The real answers' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:Real2022 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json'
            $script:Real2025 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-noipv6-2025/m365.json'
        }

        It 'refuses the 2022 answer against the NoIPv6 answer of 2025 without consent' {
            { Compare-EopEndpointSet $Real2022 $Real2025 } | Should -Throw -ErrorId 'EndpointSetsWithoutIPv6,EopTools.Commands.CompareEopEndpointSetCommand'
        }

        It 'shows every change of their IPv4 part in 80 columns' {
            $rows = Get-FittedViewRow @(Compare-EopEndpointSet $Real2022 $Real2025 -IPv4Only) 80
            @($rows | Where-Object { $_ }).Count | Should -Be (2 + 55)
            $rows | Should -Contain 'Changed 2 Exchange Allow Urls, TcpPorts, Required'
            $rows | Should -Contain 'Added 193 Common Default'
        }

        It 'compares their IPv4 part set by set' {
            $changes = Compare-EopEndpointSet $Real2022 $Real2025 -IPv4Only
            $changes.Count | Should -Be 55
            ($changes | Where-Object Change -EQ Added).Id | Should -Be @(184, 193)
            ($changes | Where-Object Id -EQ 2).Properties | Should -Be @('Urls', 'TcpPorts', 'Required')
        }
    }
}
