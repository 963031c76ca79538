-- Demo database: the chatter's creation messages in French.
--
-- Odoo logs "<model name> created" on each record it creates. While modules install, the
-- environment has no language: the sentence is translated through the superuser's language
-- ("%s créé") but the model name is read in English, and the addons' own translations are
-- only loaded once every module is installed. The demo records would keep "Order Cycle créé"
-- for good: put the model's French name in those messages.
UPDATE mail_message m
   SET body = replace(m.body, '>' || (im.name ->> 'en_US') || ' créé<', '>' || (im.name ->> 'fr_FR') || ' créé<')
  FROM ir_model im
 WHERE im.model = m.model
   AND im.name ->> 'fr_FR' IS NOT NULL
   AND im.name ->> 'fr_FR' <> im.name ->> 'en_US'
   AND strpos(m.body, '>' || (im.name ->> 'en_US') || ' créé<') > 0;
