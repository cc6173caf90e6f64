/**
 * The sample finding from the GetFindings reference's Sample Response, verbatim (its typos,
 * `platform: null`, `additionalInfo: {sample: true}` and 2018 timestamps included). It proves
 * the UI copes with the documented shape; the timestamps are never shifted to "now".
 */
import type { Finding } from '../../../src/guardduty';

export const SAMPLE_FINDING_ID = '9cb0be64df8ba1df249c45eb8a0bf584';

/** A fresh copy each call, so that nobody can change the dataset's copy by accident. */
export function sampleFinding(): Finding {
  return {
    schemaVersion: '2.0',
    accountId: '123456789012',
    region: 'us-west-2',
    partition: 'aws',
    id: '9cb0be64df8ba1df249c45eb8a0bf584',
    arn: 'arn:aws:guardduty:us-west-2:123456789012:detector/c6b0be64463ff852400d8ae5b2353866/finding/9cb0be64df8ba1df249c45eb8a0bf584',
    type: 'UnauthorizedAccess:EC2/RDPBruteForce',
    resource: {
      resourceType: 'Instance',
      instanceDetails: {
        instanceId: 'i-99999999',
        instanceType: 'm3.xlarge',
        launchTime: '2016-08-02T02:05:06Z',
        platform: null,
        productCodes: [
          {
            productCodeId: 'GeneratedFindingProductCodeId',
            productCodeType: 'GeneratedFindingProductCodeType'
          }
        ],
        iamInstanceProfile: {
          arn: 'GeneratedFindingInstanceProfileArn',
          id: 'GeneratedFindingInstanceProfileId'
        },
        networkInterfaces: [
          {
            ipv6Addresses: [],
            privateDnsName: 'GeneratedFindingPrivateDnsName',
            privateIpAddress: '10.0.0.1',
            privateIpAddresses: [
              {
                privateDnsName: 'GeneratedFindingPrivateName',
                privateIpAddress: '10.0.0.1'
              }
            ],
            subnetId: 'GeneratedFindingSubnetId',
            vpcId: 'GeneratedFindingVPCId',
            securityGroups: [
              {
                groupName: 'GeneratedFindingSecurityGroupName',
                groupId: 'GeneratedFindingSecurityId'
              }
            ],
            publicDnsName: 'GeneratedFindingPublicDNSName',
            publicIp: '198.51.100.0'
          }
        ],
        tags: [
          {
            key: 'GeneratedFindingInstaceTag1',
            value: 'GeneratedFindingInstaceValue1'
          },
          {
            key: 'GeneratedFindingInstaceTag2',
            value: 'GeneratedFindingInstaceTagValue2'
          },
          {
            key: 'GeneratedFindingInstaceTag3',
            value: 'GeneratedFindingInstaceTagValue3'
          },
          {
            key: 'GeneratedFindingInstaceTag4',
            value: 'GeneratedFindingInstaceTagValue4'
          },
          {
            key: 'GeneratedFindingInstaceTag5',
            value: 'GeneratedFindingInstaceTagValue5'
          },
          {
            key: 'GeneratedFindingInstaceTag6',
            value: 'GeneratedFindingInstaceTagValue6'
          },
          {
            key: 'GeneratedFindingInstaceTag7',
            value: 'GeneratedFindingInstaceTagValue7'
          },
          {
            key: 'GeneratedFindingInstaceTag8',
            value: 'GeneratedFindingInstaceTagValue8'
          },
          {
            key: 'GeneratedFindingInstaceTag9',
            value: 'GeneratedFindingInstaceTagValue9'
          }
        ],
        instanceState: 'running',
        availabilityZone: 'GeneratedFindingInstaceAvailabilityZone',
        imageId: 'ami-99999999',
        imageDescription: 'GeneratedFindingInstaceImageDescription'
      }
    },
    service: {
      serviceName: 'guardduty',
      detectorId: 'c6b0be64463ff852400d8ae5b2353866',
      action: {
        actionType: 'NETWORK_CONNECTION',
        networkConnectionAction: {
          connectionDirection: 'INBOUND',
          remoteIpDetails: {
            ipAddressV4: '198.51.100.0',
            organization: {
              asn: '-1',
              asnOrg: 'GeneratedFindingASNOrg',
              isp: 'GeneratedFindingISP',
              org: 'GeneratedFindingORG'
            },
            country: {
              countryName: 'GeneratedFindingCountryName'
            },
            city: {
              cityName: 'GeneratedFindingCityName'
            },
            geoLocation: {
              lat: 0,
              lon: 0
            }
          },
          remotePortDetails: {
            port: 1067,
            portName: 'Unknown'
          },
          localPortDetails: {
            port: 3389,
            portName: 'RDP'
          },
          protocol: 'TCP',
          blocked: false
        }
      },
      resourceRole: 'TARGET',
      additionalInfo: {
        sample: true
      },
      eventFirstSeen: '2018-02-09T22:57:31.927Z',
      eventLastSeen: '2018-02-09T22:57:31.927Z',
      archived: false,
      count: 1,
      userFeedback: 'NOT_USEFUL'
    },
    severity: 2,
    createdAt: '2018-02-09T22:57:31.927Z',
    updatedAt: '2018-02-09T22:57:31.927Z',
    title: '198.51.100.0 is performing RDP brute force attacks against i-99999999.',
    description: '198.51.100.0 is performing RDP brute force attacks against i-99999999. Brute force attacks are used to gain unauthorized access to your instance by guessing the RDP password.'
  };
}
