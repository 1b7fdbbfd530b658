"""GeoReport v2 answers written from the published specification's examples
(wiki.open311.org/GeoReport_v2): service list, one request, and error bodies."""

SERVICES_JSON = """[
  {"service_code": "001", "service_name": "Cans left out 24x7",
   "description": "Garbage or recycling cans that have been left out for more than 24 hours \
after collection. Violators will be cited.",
   "metadata": true, "type": "realtime", "keywords": "lorem, ipsum, dolor", "group": "sanitation"},
  {"service_code": "002", "metadata": false, "type": "realtime", "keywords": "plate, steel",
   "group": "street", "service_name": "Construction plate shifted",
   "description": "Metal construction plate covering the street or sidewalk has been moved."}
]"""

SERVICES_XML = """<?xml version="1.0" encoding="utf-8"?>
<services>
  <service>
    <service_code>001</service_code>
    <service_name>Cans left out 24x7</service_name>
    <description>Garbage or recycling cans that have been left out for more than 24 hours \
after collection. Violators will be cited.</description>
    <metadata>true</metadata>
    <type>realtime</type>
    <keywords>lorem, ipsum, dolor</keywords>
    <group>sanitation</group>
  </service>
  <service>
    <service_code>002</service_code>
    <service_name>Construction plate shifted</service_name>
    <description>Metal construction plate covering the street or sidewalk has been moved.\
</description>
    <metadata>false</metadata>
    <type>realtime</type>
    <keywords>plate, steel</keywords>
    <group>street</group>
  </service>
</services>"""

REQUEST_JSON = """[
  {"service_request_id": 638344, "status": "closed", "status_notes": "Duplicate request.",
   "service_name": "Sidewalk and Curb Issues", "service_code": "006", "description": null,
   "agency_responsible": "Public Works", "service_notice": null,
   "requested_datetime": "2010-04-14T06:37:38-08:00",
   "updated_datetime": "2010-04-14T06:37:38-08:00",
   "expected_datetime": "2010-04-15T06:37:38-08:00",
   "address": "8TH AVE and JUDAH ST", "address_id": 545483, "zipcode": 94122,
   "lat": 37.762221815287, "long": -122.4651145238,
   "media_url": "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"}
]"""

REQUEST_XML = """<?xml version="1.0" encoding="utf-8"?>
<service_requests>
  <request>
    <service_request_id>638349</service_request_id>
    <status>open</status>
    <status_notes>Crew assigned.</status_notes>
    <service_name>Sidewalk and Curb Issues</service_name>
    <service_code>006</service_code>
    <description></description>
    <agency_responsible>Public Works</agency_responsible>
    <service_notice></service_notice>
    <requested_datetime>2010-04-19T06:37:38-08:00</requested_datetime>
    <updated_datetime>2010-04-19T06:37:38-08:00</updated_datetime>
    <expected_datetime>2010-04-19T06:37:38-08:00</expected_datetime>
    <address>8TH AVE and JUDAH ST</address>
    <address_id>545483</address_id>
    <zipcode>94122</zipcode>
    <lat>37.762221815287</lat>
    <long>-122.4651145238</long>
    <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg</media_url>
  </request>
</service_requests>"""

ERROR_JSON = '[{"code": 404, "description": "Service request not found"}]'
ERROR_XML = """<?xml version="1.0" encoding="utf-8"?>
<errors>
  <error>
    <code>404</code>
    <description>Service request not found</description>
  </error>
</errors>"""
SERVER_ERROR_JSON = '[{"code": 500, "description": "Internal error (api_key=%s)"}]'

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<service_requests><request><status>&lol2;</status></request></service_requests>"""
