-- Demo public cards of the grassroots unions (dev and test only): office address, phone (published or
-- not), opening hours and WGS-84 position, so that findUnions has something to show. Invented
-- addresses and numbers at plausible places. 顺达商贸工会 keeps its phone unpublished; 洛阳河阳保安 and
-- 康乐社区 publish theirs. Re-run whenever this file changes: the cards are set as written here.
update trade_union u
   set address = c.address, office_phone = c.phone, publish_office_phone = c.publish, opening_hours = c.hours,
       latitude = c.lat, longitude = c.lon
  from (values
   (41030601, '吉利区物流园综合楼 2 楼', '0379-69881201', true,
    '{"MONDAY 08:30-17:30","TUESDAY 08:30-17:30","WEDNESDAY 08:30-17:30","THURSDAY 08:30-17:30","FRIDAY 08:30-17:30","SATURDAY 09:00-12:00"}'::text[],
    34.8868, 112.6112),
   (41030602, '吉利区康乐路 66 号', '0379-69881202', true,
    '{"MONDAY 09:00-17:00","WEDNESDAY 09:00-17:00","FRIDAY 09:00-17:00"}'::text[], 34.9088, 112.5941),
   (41030611, '吉利区河阳路 20 号 3 楼', '0379-69881211', true,
    '{"MONDAY 08:00-12:00","MONDAY 14:00-18:00","TUESDAY 08:00-12:00","TUESDAY 14:00-18:00","WEDNESDAY 08:00-12:00","WEDNESDAY 14:00-18:00","THURSDAY 08:00-12:00","THURSDAY 14:00-18:00","FRIDAY 08:00-12:00","FRIDAY 14:00-18:00"}'::text[],
    34.8957, 112.5720),
   (41030612, '吉利区中原路 108 号', '0379-69881212', false,
    '{"MONDAY 09:00-17:00","TUESDAY 09:00-17:00","WEDNESDAY 09:00-17:00","THURSDAY 09:00-17:00","FRIDAY 09:00-17:00"}'::text[], 34.8991, 112.5802),
   (41030621, '吉利区康乐社区服务中心 1 楼', '0379-69881221', true,
    '{"MONDAY 08:30-18:00","TUESDAY 08:30-18:00","WEDNESDAY 08:30-18:00","THURSDAY 08:30-18:00","FRIDAY 08:30-18:00","SATURDAY 08:30-18:00","SUNDAY 09:00-12:00"}'::text[],
    34.9110, 112.5975),
   (41032611, '汝阳县城关镇杜鹃社区', '0379-68211611', true,
    '{"MONDAY 08:30-17:30","TUESDAY 08:30-17:30","WEDNESDAY 08:30-17:30","THURSDAY 08:30-17:30","FRIDAY 08:30-17:30"}'::text[], 34.1536, 112.4730),
   (22080211, '白城市洮北区明仁街道金源小区物业楼', null, false, '{}'::text[], 45.6230, 122.8350),
   (22088211, '大安市太山镇政府院内', '0436-5211821', true,
    '{"MONDAY 08:30-16:30","TUESDAY 08:30-16:30","WEDNESDAY 08:30-16:30","THURSDAY 08:30-16:30","FRIDAY 08:30-16:30"}'::text[], 45.3590, 123.9560),
   (22082201, '通榆县开通镇电商产业园', '0436-4221201', true,
    '{"MONDAY 09:00-17:00","TUESDAY 09:00-17:00","WEDNESDAY 09:00-17:00","THURSDAY 09:00-17:00","FRIDAY 09:00-17:00"}'::text[], 44.8151, 123.0902),
   (43018111, '浏阳市集里街道新屋岭社区', '0731-83611811', true,
    '{"MONDAY 08:30-17:30","TUESDAY 08:30-17:30","WEDNESDAY 08:30-17:30","THURSDAY 08:30-17:30","FRIDAY 08:30-17:30"}'::text[], 28.1630, 113.6470),
   (43122801, '芷江县芷江镇新业态服务站', '12351', true,
    '{"MONDAY 09:00-21:00","TUESDAY 09:00-21:00","WEDNESDAY 09:00-21:00","THURSDAY 09:00-21:00","FRIDAY 09:00-21:00","SATURDAY 09:00-21:00","SUNDAY 09:00-21:00"}'::text[],
    27.4430, 109.6840)
  ) as c (id, address, phone, publish, hours, lat, lon)
 where u.id = c.id;
